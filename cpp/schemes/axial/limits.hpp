// This folder's caps under their public names in pe.limits. CMake finds this file (the generated
// pe/folder_limits.inc) and lists it in the pe.limits of every engine with this folder or a folder
// that builds on it (a PE_LIMIT_FOLDER(<name>) line): one table, no other list of them.
#pragma once

#include "axial/axial.hpp"
#include "pe/schemes.hpp"

namespace pe::axial_limits {

inline constexpr SchemeLimit kTable[] = {
    {"maxAxialAxes", double(kMaxAxialAxes)},
    {"maxAxialDim", double(kMaxAxialDim)},
    {"maxAxialId", kMaxAxialId},
    {"maxAxialAngles", double(kMaxAxialAngles)},
    {"maxVisionGridSide", double(kMaxVisionGridSide)},
};

}  // namespace pe::axial_limits
