// Binds the config reader (pe/rope_config.hpp): config.json text in, the reading out as plain JS
// values. The reading, its defaults and its warnings are the core's; this only converts.
#include "pe/rope_config.hpp"

#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "common.hpp"

namespace pe::bindings {
namespace {

val number_or_null(double x) {
  return std::isnan(x) ? val::null() : val(x);
}

val args_of(const std::vector<MessageArg>& args) {
  val out = val::object();
  for (const auto& arg : args) {
    if (const double* number = std::get_if<double>(&arg.value)) {
      out.set(arg.name, *number);
    } else {
      out.set(arg.name, std::get<std::string>(arg.value));
    }
  }
  return out;
}

// A JSON value as the JS value JSON.parse would give.
val js_of(const json::Value& v) {
  switch (v.type) {
    case json::Type::null: return val::null();
    case json::Type::boolean: return val(v.boolean);
    case json::Type::number: return val(v.number);
    case json::Type::string: return val(v.text);
    case json::Type::array: {
      val out = val::array();
      for (const auto& item : v.items) out.call<void>("push", js_of(item));
      return out;
    }
    case json::Type::object: {
      val out = val::object();
      for (std::size_t k = 0; k < v.keys.size(); ++k) out.set(v.keys[k], js_of(v.items[k]));
      return out;
    }
  }
  return val::null();
}

val layer_type_of(const LayerTypeReading& t) {
  val out = val::object();
  out.set("rope", t.rope);
  out.set("ropeType", t.rope ? val(t.rope_type) : val::null());
  out.set("theta", t.rope ? val(t.theta) : val::null());
  out.set("invFreq", copy_out(std::span<const double>(t.scaled.inv_freq)));
  out.set("attentionScaling", t.scaled.attention_scaling);
  out.set("headDim", t.head_dim);
  out.set("rotaryDim", t.rotary_dim);
  out.set("rotatedSlice", std::string(t.rotate_last ? "last" : "first"));
  out.set("pairing", std::string(to_string(t.pairing)));
  out.set("attention", t.attention);
  out.set("window", number_or_null(t.window));
  out.set("scaling", js_of(t.scaling));  // this layer type's block (the atlas's q·k needs it)
  return out;
}

// The reading: the first RoPE layer type's fields (as ropeFromConfig always gave them), then the
// per-layer ones.
val rope_from_config(const std::string& text, double sequence_length) {
  const auto read = read_rope_config(text, sequence_length);
  if (!read) return error_value(read.error());
  const RopeConfigReading& r = read.value();
  const LayerTypeReading& main = r.main();
  const ScaledRope& s = main.scaled;
  val out = val::object();
  out.set("invFreq", copy_out(std::span<const double>(s.inv_freq)));
  out.set("attentionScaling", s.attention_scaling);
  out.set("factor", number_or_null(s.factor_used));
  val ramp = val::null(), wavelengths = val::null();
  if (!std::isnan(s.ramp_low)) {
    ramp = val::object();
    ramp.set("low", s.ramp_low);
    ramp.set("high", s.ramp_high);
  }
  if (!std::isnan(s.wavelength_low)) {
    wavelengths = val::object();
    wavelengths.set("low", s.wavelength_low);
    wavelengths.set("high", s.wavelength_high);
  }
  out.set("ramp", ramp);
  out.set("wavelengths", wavelengths);
  out.set("headDim", main.head_dim);
  out.set("rotaryDim", main.rotary_dim);
  out.set("theta", main.theta);
  out.set("ropeType", main.rope_type);
  out.set("maxPositions", number_or_null(r.max_positions));
  out.set("originalMaxPositions", number_or_null(r.original_max_positions));
  out.set("scaling", js_of(main.scaling));
  val warnings = val::array();
  for (const auto& w : r.warnings) {
    val warning = val::object();
    warning.set("kind", w.kind);
    warning.set("args", args_of(w.args));
    warning.set("message", w.message);
    warnings.call<void>("push", warning);
  }
  out.set("warnings", warnings);
  val layers = val::array();
  for (const auto& name : r.layers) layers.call<void>("push", name);
  out.set("layers", layers);
  val types = val::object();
  for (const auto& t : r.layer_types) types.set(t.name, layer_type_of(t));
  out.set("layerTypes", types);
  val query = val::null();
  if (!std::isnan(r.floor_scale)) {
    query = val::object();
    query.set("floorScale", r.floor_scale);
    query.set("attnScale", r.attn_scale);
  }
  out.set("queryScaling", query);
  return out;
}

val query_scale_of(double floor_scale, double attn_scale, double position) {
  const auto scale = query_scale(floor_scale, attn_scale, position);
  if (!scale) return error_value(scale.error());
  return val(scale.value());
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(rope_config) {
  emscripten::function("_ropeFromConfig", &pe::bindings::rope_from_config);
  emscripten::function("_queryScale", &pe::bindings::query_scale_of);
}
