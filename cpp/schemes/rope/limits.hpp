// This folder's caps under their public names in pe.limits. CMake finds this file (the generated
// pe/folder_limits.inc) and lists it in the pe.limits of every engine with this folder or a folder
// that builds on it (a PE_LIMIT_FOLDER(<name>) line): one table, no other list of them.
#pragma once

#include "pe/schemes.hpp"
#include "rope/rope.hpp"

namespace pe::rope_limits {

inline constexpr SchemeLimit kTable[] = {
    {"maxHeadDim", kMaxHeadDim},
    {"maxRopeValues", double(kMaxRopeValues)},
    {"maxRopeRenderWork", double(kMaxRopeRenderWork)},
};

}  // namespace pe::rope_limits
