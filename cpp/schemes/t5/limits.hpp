// This folder's caps under their public names in pe.limits. CMake finds this file (the generated
// pe/folder_limits.inc) and lists it in the pe.limits of every engine with this folder or a folder
// that builds on it (a PE_LIMIT_FOLDER(<name>) line): one table, no other list of them.
#pragma once

#include "pe/schemes.hpp"
#include "t5/t5.hpp"

namespace pe::t5_limits {

inline constexpr SchemeLimit kTable[] = {
    {"maxT5Buckets", kMaxT5Buckets},
    {"maxT5RelativePosition", double(kMaxT5RelativePosition)},
    {"maxT5RelativePositions", double(kMaxT5RelativePositions)},
    {"maxT5MatrixEntries", double(kMaxT5MatrixEntries)},
};

}  // namespace pe::t5_limits
