#include "common.hpp"

namespace pe::bindings {

val error_value(const Error& error) {
  val out = val::object();
  out.set("error", error.message);
  out.set("parameter", error.parameter);
  const char* code = error.code == ErrorCode::size_limit      ? "size_limit"
                     : error.code == ErrorCode::out_of_memory ? "out_of_memory"
                                                              : "invalid_argument";
  out.set("code", std::string(code));
  return out;
}

SinusoidalOptions options_from(const val& options) {
  SinusoidalOptions o;
  o.d_model = options["dModel"].as<double>();
  o.positions = options["positions"].as<double>();
  o.start = options["start"].as<double>();
  o.base = options["base"].as<double>();
  o.layout = options["layout"].as<std::string>();
  o.frequencies = options["frequencies"].as<std::string>();
  return o;
}

Scratch<float>& input_scratch() {
  static Scratch<float> input;
  return input;
}

Error out_of_memory(std::size_t bytes) {
  return Error{ErrorCode::out_of_memory, "",
               "could not allocate " + std::to_string(bytes / (1024 * 1024)) +
                   " MiB in the WebAssembly heap; try fewer positions or a smaller d_model"};
}

}  // namespace pe::bindings
