// Binds the scheme table (pe/schemes.hpp): the JS API reads every parameter's name, type, default
// and range from it, so none is restated in JS.
#include "pe/schemes.hpp"

#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "common.hpp"

namespace pe::bindings {
namespace {

const char* type_name(ParameterType type) {
  switch (type) {
    case ParameterType::integer: return "integer";
    case ParameterType::number: return "number";
    case ParameterType::choice: return "choice";
    case ParameterType::boolean: return "boolean";
    case ParameterType::list: return "list";
    case ParameterType::text: return "text";
  }
  return "number";
}

// { scheme: { summary, parameters: [{ name, core, type, required, default, min, max, choices, help
// }] } }
val schemes_of() {
  val out = val::object();
  for (const auto& scheme : schemes()) {
    val parameters = val::array();
    for (const auto& p : scheme.parameters) {
      val info = val::object();
      info.set("name", std::string(p.name));
      info.set("core", std::string(p.core));
      info.set("type", std::string(type_name(p.type)));
      const bool numeric = p.type == ParameterType::integer || p.type == ParameterType::number;
      info.set("required", numeric && std::isnan(p.fallback));
      if (p.type == ParameterType::boolean) {
        info.set("default", p.choice == "true");
      } else if (p.type == ParameterType::choice || p.type == ParameterType::text) {
        info.set("default", std::string(p.choice));
      } else if (p.type == ParameterType::list) {
        // "16,56,56" -> [16, 56, 56]: a list's default holds whole numbers (digits by hand:
        // std::stod would link strtod and its locale into the embed's size-built engine, +20 KB of
        // wasm).
        val list = val::array();
        double number = 0;
        for (const char c : p.choice) {
          if (c == ',') {
            list.call<void>("push", number);
            number = 0;
          } else {
            number = number * 10 + (c - '0');
          }
        }
        if (!p.choice.empty()) list.call<void>("push", number);
        info.set("default", list);
      } else if (!std::isnan(p.fallback)) {
        info.set("default", p.fallback);
      }
      if (numeric) {
        info.set("min", p.min);
        info.set("max", p.max);
      }
      val choices = val::array();
      std::string_view rest = p.choices;
      while (!rest.empty()) {
        const auto bar = rest.find('|');
        choices.call<void>("push", std::string(rest.substr(0, bar)));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
      info.set("choices", choices);
      info.set("help", std::string(p.help));
      parameters.call<void>("push", info);
    }
    val entry = val::object();
    entry.set("summary", std::string(scheme.summary));
    entry.set("parameters", parameters);
    out.set(std::string(scheme.name), entry);
  }
  return out;
}

}  // namespace
}  // namespace pe::bindings

namespace pe::bindings {
namespace {
// The schemes' own message kinds (RoPE scaling, a model's config), merged into pe.messageTemplates.
val scheme_message_templates_of() {
  val out = val::object();
  for (const auto& t : scheme_message_templates())
    out.set(std::string(t.kind), std::string(t.text));
  return out;
}
}  // namespace
}  // namespace pe::bindings

namespace pe::bindings {
namespace {
// The caps of the folders this engine has (or builds on) by their public names, merged into
// pe.limits.
val scheme_limits_of() {
  val out = val::object();
  for (const auto& limit : build_limits()) out.set(std::string(limit.name), limit.value);
  return out;
}
}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(schemes) {
  emscripten::function("_schemeLimits", &pe::bindings::scheme_limits_of);
  emscripten::function("_schemeMessageTemplates", &pe::bindings::scheme_message_templates_of);
  emscripten::function("_schemes", &pe::bindings::schemes_of);
}
