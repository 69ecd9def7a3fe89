// Binds the config reader (rope_config.hpp): config.json text in, the reading out as the JSON
// text the core writes (the JS API parses it; pe-export --config --json prints the same text).
// The reading, its defaults and its warnings are the core's; this only converts.
#include <emscripten/bind.h>

#include <string>

#include "common.hpp"
#include "rope_config.hpp"

namespace pe::bindings {
namespace {

val rope_from_config(const std::string& text, double sequence_length) {
  PE_TRY_LET(reading, read_rope_config(text, sequence_length));
  return val(rope_config_json(reading));
}

val query_scale_of(double floor_scale, double attn_scale, double position) {
  PE_TRY_LET(scale, query_scale(floor_scale, attn_scale, position));
  return val(scale);
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(rope_config) {
  emscripten::function("_ropeFromConfig", &pe::bindings::rope_from_config);
  emscripten::function("_queryScale", &pe::bindings::query_scale_of);
}
