#include "common.hpp"

namespace pe::bindings {

val error_value(const Error& error) {
  val out = val::object();
  out.set("error", error.message);
  out.set("parameter", error.parameter);
  out.set("code", std::string(to_string(error.code)));
  out.set("kind", error.kind);
  val args = val::object();
  for (const auto& arg : error.args) {
    if (const double* number = std::get_if<double>(&arg.value)) {
      args.set(arg.name, *number);
    } else {
      args.set(arg.name, std::get<std::string>(arg.value));
    }
  }
  out.set("args", args);
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
  o.odd = options["odd"].as<std::string>();
  return o;
}

Scratch<float>& input_scratch() {
  static Scratch<float> input;
  return input;
}

Scratch<double>& position_scratch() {
  static Scratch<double> positions;
  return positions;
}

Error out_of_memory(std::size_t bytes) {
  return make_error(ErrorCode::out_of_memory, "memory", "out_of_memory",
                    {{"mib", double(bytes / (1024 * 1024))}});
}

val position_input_view(const char* name, double n, double most) {
  if (n > most) {
    return error_value(
        make_error(ErrorCode::size_limit, name, "count_cap", {{"max", most}, {"got", n}}));
  }
  PE_TRY(check_integer(name, n, 1, most));
  PE_TRY(position_scratch().reserve(static_cast<std::size_t>(n)));
  return position_scratch().view();
}

}  // namespace pe::bindings
