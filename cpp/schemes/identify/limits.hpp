// This folder's caps under their public names in pe.limits. CMake finds this file (the generated
// pe/folder_limits.inc) and lists it in the pe.limits of every engine with this folder or a folder
// that builds on it (a PE_LIMIT_FOLDER(<name>) line): one table, no other list of them.
#pragma once

#include "identify/tensor_file.hpp"
#include "pe/schemes.hpp"

namespace pe::identify_limits {

inline constexpr SchemeLimit kTable[] = {
    {"maxTableValues", double(kMaxTableValues)},
    {"maxTableHeaderBytes", double(kMaxTableHeaderBytes)},
    {"maxTableFileBytes", double(kMaxTableFileBytes)},
    {"maxTableDims", double(kMaxTableDims)},
};

}  // namespace pe::identify_limits
