// Shared by the bindings that take RoPE options (rope.cpp, precision.cpp).
#pragma once

#include "common.hpp"
#include "rope.hpp"

namespace pe::bindings {

// Reads {headDim, theta, rotaryDim, pairing} (checked and filled in by the JS wrapper) into a spec.
Result<RopeSpec> rope_spec_from(const val& options);

}  // namespace pe::bindings
