// This folder's caps under their public names in pe.limits. CMake finds this file (the generated
// pe/folder_limits.inc) and lists it in the pe.limits of every engine with this folder or a folder
// that builds on it (a PE_LIMIT_FOLDER(<name>) line): one table, no other list of them.
#pragma once

#include "mrope/mrope.hpp"
#include "pe/schemes.hpp"

namespace pe::mrope_limits {

inline constexpr SchemeLimit kTable[] = {
    {"maxMropeTokens", double(kMaxMropeTokens)},
    {"maxMropeSegments", double(kMaxMropeSegments)},
    {"maxMropeGridSide", double(kMaxMropeGridSide)},
    {"maxMropePositionId", double(kMaxMropePositionId)},
    {"maxMropeHeadDim", double(kMaxMropeHeadDim)},
};

}  // namespace pe::mrope_limits
