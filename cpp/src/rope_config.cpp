// The config reader of pe/rope_config.hpp.
#include "pe/rope_config.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "pe/spec.hpp"

namespace pe {
namespace {

using json::Type;
using json::Value;

// The keys of rope_scaling (or rope_parameters) the reference library reads for RoPE, and what
// each holds.
struct ScalingKey {
  std::string_view key;
  Type type;
};
constexpr ScalingKey kScalingKeys[] = {
    {"rope_type", Type::string},
    {"type", Type::string},  // the legacy name of rope_type
    {"rope_theta", Type::number},
    {"factor", Type::number},
    {"original_max_position_embeddings", Type::number},
    {"beta_fast", Type::number},
    {"beta_slow", Type::number},
    {"mscale", Type::number},
    {"mscale_all_dim", Type::number},
    {"attention_factor", Type::number},
    {"truncate", Type::boolean},
    {"low_freq_factor", Type::number},
    {"high_freq_factor", Type::number},
    {"short_factor", Type::array},
    {"long_factor", Type::array},
};

// Model types whose configs mean RoPE even without a rope_theta (the library's default 10000 then).
constexpr std::string_view kRopeModelTypes[] = {
    "llama",     "mistral",    "mixtral",     "qwen2",       "qwen2_moe", "qwen3",
    "qwen3_moe", "gemma",      "gemma2",      "gemma3_text", "phi",       "phi3",
    "gpt_neox",  "gptj",       "deepseek_v2", "deepseek_v3", "falcon",    "olmo",
    "olmo2",     "starcoder2", "cohere",      "internlm2",   "baichuan",  "yi",
    "granite",   "stablelm",   "persimmon",   "chatglm",     "glm",       "exaone",
};

std::string_view template_of(std::string_view kind) {
  for (const auto& t : message_templates())
    if (t.kind == kind) return t.text;
  for (const auto& t : scheme_message_templates())
    if (t.kind == kind) return t.text;
  return kind;
}

// The parameter an error names, and the name its message shows (a formula where the value is
// derived from other keys).
struct KeyName {
  std::string parameter;
  std::string display;
};

// An Error of the engine's checks, renamed to the config key the reader took the value from.
Error renamed(Error error, const KeyName& key) {
  error.parameter = key.parameter;
  std::erase_if(error.args, [](const MessageArg& a) { return a.name == "name"; });
  error.args.push_back({"name", key.display});
  error.message = format_message(template_of(error.kind), error.parameter, error.args);
  return error;
}

Error not_of_type(const std::string& name, std::string_view kind, const Value& got) {
  const std::string text = json::describe(got);
  if (kind == "not_string")
    return make_error(ErrorCode::invalid_argument, name, "not_string", {{"got", text}});
  if (kind == "not_boolean")
    return make_error(ErrorCode::invalid_argument, name, "not_boolean", {{"got", text}});
  return make_error(ErrorCode::invalid_argument, name, "not_number", {{"got", text}});
}

class Reader {
 public:
  explicit Reader(double sequence_length) : sequence_length_(sequence_length) {}

  Result<RopeConfigReading> read(std::string_view text);

 private:
  void warn(MessageKind kind, std::vector<MessageArg> args) {
    ConfigWarning w{std::string(kind.kind()), std::move(args), {}};
    w.message = format_message(kind.text(), "", w.args);
    out_.warnings.push_back(std::move(w));
  }

  // A number under `key` of `object`, NaN when absent or null; an Error when of another type.
  Result<double> number(const Value& object, std::string_view key) {
    const Value* v = object.given(key);
    if (!v) return kUnset;
    if (!v->is(Type::number)) return not_of_type(std::string(key), "not_number", *v);
    return v->number;
  }

  Status check_scaling_types(const Value& kept);
  Result<RopeScaling> scaling_of(const Value& kept, std::string_view type);

  double sequence_length_;
  RopeConfigReading out_;
};

// The types of the kept scaling keys, as the JS API's ropeFrequencies checks a scaling object.
Status Reader::check_scaling_types(const Value& kept) {
  for (const auto& [key, type] : kScalingKeys) {
    const Value* v = kept.given(key);
    if (!v) continue;
    const std::string name(key);
    if (type == Type::array) {
      if (!v->is(Type::array)) {
        return make_error(
            ErrorCode::invalid_argument, name, "not_array",
            {{"expected", std::string("an array of numbers")}, {"got", json::describe(*v)}});
      }
      if (v->items.empty() || v->items.size() > std::size_t(kMaxHeadDim)) {
        return make_error(ErrorCode::invalid_argument, name, "list_length",
                          {{"max", double(kMaxHeadDim)}, {"got", double(v->items.size())}});
      }
      for (std::size_t i = 0; i < v->items.size(); ++i) {
        if (!v->items[i].is(Type::number)) {
          return make_error(ErrorCode::invalid_argument, name, "not_in_array",
                            {{"index", double(i)},
                             {"expected", std::string("a number")},
                             {"got", json::describe(v->items[i])}});
        }
      }
    } else if (!v->is(type)) {
      return not_of_type(name,
                         type == Type::string    ? "not_string"
                         : type == Type::boolean ? "not_boolean"
                                                 : "not_number",
                         *v);
    }
  }
  return Ok{};
}

// The flat RopeScaling of the kept keys (their types checked), with `type` as the reader resolved
// it.
Result<RopeScaling> Reader::scaling_of(const Value& kept, std::string_view type_text) {
  RopeScaling s;
  const auto parsed = parse_rope_scaling_type(type_text);
  if (!parsed) return parsed.error();
  s.type = parsed.value();
  const auto n = [&](std::string_view key) {
    const Value* v = kept.given(key);
    return v ? v->number : kUnset;
  };
  s.factor = n("factor");
  s.original_max_position_embeddings = n("original_max_position_embeddings");
  s.beta_fast = n("beta_fast");
  s.beta_slow = n("beta_slow");
  s.mscale = n("mscale");
  s.mscale_all_dim = n("mscale_all_dim");
  s.attention_factor = n("attention_factor");
  s.low_freq_factor = n("low_freq_factor");
  s.high_freq_factor = n("high_freq_factor");
  if (const Value* t = kept.given("truncate")) s.truncate = t->boolean;
  for (auto [key, list] :
       {std::pair{"short_factor", &s.short_factor}, std::pair{"long_factor", &s.long_factor}}) {
    if (const Value* v = kept.given(key)) {
      for (const Value& item : v->items) list->push_back(item.number);
    }
  }
  return s;
}

// get_mscale of the reference (rope_scaling.cpp, yarn_mscale), for the warning's numbers.
double mscale_of(double factor, double m) {
  return factor <= 1 ? 1.0 : 0.1 * m * std::log(factor) + 1.0;
}

// Number(x.toPrecision(6)), near enough for a warning's figure.
double six_digits(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double scale = std::pow(10.0, 5 - std::floor(std::log10(std::fabs(x))));
  return std::round(x * scale) / scale;
}

Result<RopeConfigReading> Reader::read(std::string_view text) {
  const std::string json_text = "jsonText";
  if (text.size() > std::size_t(kMaxConfigBytes)) {
    return make_error(ErrorCode::size_limit, json_text, "text_cap",
                      {{"max", double(kMaxConfigBytes)}, {"got", double(text.size())}});
  }
  auto parsed = json::parse(text, json_text);
  if (!parsed) return parsed.error();
  const Value* config = &parsed.value();
  if (!config->is(Type::object)) {
    return make_error(ErrorCode::invalid_argument, json_text, "not_object",
                      {{"example", std::string("{ \"rope_theta\": 10000, ... }")},
                       {"got", json::describe(*config)}});
  }
  // Multimodal configs keep the language model's settings in text_config.
  const auto has_rope_keys = [](const Value& c) {
    return c.given("rope_theta") || c.given("rope_scaling") || c.given("rope_parameters");
  };
  if (!has_rope_keys(*config)) {
    const Value* inner = config->given("text_config");
    if (inner && inner->is(Type::object)) {
      config = inner;
      warn("warn_text_config", {});
    }
  }
  std::string model_type;
  if (const Value* m = config->given("model_type"); m && m->is(Type::string)) model_type = m->text;
  if (!has_rope_keys(*config) && std::find(std::begin(kRopeModelTypes), std::end(kRopeModelTypes),
                                           model_type) == std::end(kRopeModelTypes)) {
    return make_error(ErrorCode::invalid_argument, json_text, "no_rope",
                      {{"got", model_type.empty() ? std::string("no model_type") : model_type}});
  }
  // rope_parameters (the library's newer name, with rope_theta inside) or rope_scaling.
  const char* scaling_key = config->given("rope_parameters") ? "rope_parameters" : "rope_scaling";
  const Value* scaling = config->given(scaling_key);
  if (scaling && !scaling->is(Type::object)) {
    return make_error(ErrorCode::invalid_argument, scaling_key, "not_object",
                      {{"example", std::string("{ rope_type: 'yarn', factor: 4 }")},
                       {"got", json::describe(*scaling)}});
  }
  const auto top_theta = number(*config, "rope_theta");
  if (!top_theta) return top_theta.error();
  double inner_theta = kUnset;
  if (scaling) {
    const auto inner = number(*scaling, "rope_theta");
    if (!inner) return inner.error();
    inner_theta = inner.value();
  }
  const double top = top_theta.value();
  const double theta = !std::isnan(inner_theta) ? inner_theta : !std::isnan(top) ? top : 10000;
  if (std::isnan(top) && std::isnan(inner_theta)) warn("warn_default_theta", {{"theta", 10000.0}});
  if (!std::isnan(inner_theta) && std::isnan(top))
    warn("warn_theta_inside", {{"theta", inner_theta}});
  if (!std::isnan(inner_theta) && !std::isnan(top) && inner_theta != top)
    warn("warn_theta_twice", {{"inner", inner_theta}, {"top", top}});
  // Keys the library does not read for RoPE are warned about and left out (it only warns too).
  Value kept;
  kept.type = Type::object;
  if (scaling) {
    std::set<std::string_view> seen;  // a key given twice is one key (its last value)
    for (std::size_t k = 0; k < scaling->keys.size(); ++k) {
      const std::string& key = scaling->keys[k];
      if (!seen.insert(key).second) continue;
      const bool known = std::any_of(std::begin(kScalingKeys), std::end(kScalingKeys),
                                     [&](const ScalingKey& s) { return s.key == key; });
      if (known) {
        kept.keys.push_back(key);
        kept.items.push_back(*scaling->get(key));
      } else {
        warn("warn_unknown_key", {{"key", key}});
      }
    }
  }
  // The type: rope_type, else the legacy type, else default. Not a string: refused below, where
  // the scaling's keys are checked (after the geometry, as the JS API always did).
  std::string type = "default";
  const Value* type_value = kept.given("rope_type") ? kept.given("rope_type") : kept.given("type");
  bool type_is_text = true;
  if (type_value) {
    type_is_text = type_value->is(Type::string);
    type = type_is_text ? type_value->text : json::describe(*type_value);
  }
  if (scaling && !kept.given("rope_type") && kept.given("type"))
    warn("warn_legacy_type", {{"type", type}});
  if (type_is_text && type == "su") {
    // Phi-3's first configs: transformers' Phi3Config reads "su" as longrope.
    warn("warn_su", {});
    type = "longrope";
    Value longrope;
    longrope.type = Type::string;
    longrope.text = type;
    const auto at = std::find(kept.keys.begin(), kept.keys.end(), "rope_type");
    if (at != kept.keys.end()) {
      kept.items[std::size_t(at - kept.keys.begin())] = longrope;
    } else {
      kept.keys.push_back("rope_type");
      kept.items.push_back(longrope);
    }
  }
  if (type == "ntk") warn("warn_ntk", {});
  if (type == "llama3") warn("warn_llama3_dropped", {});
  if (type == "dynamic") warn("warn_dynamic_cache", {});
  if (type == "yarn" && scaling && !kept.given("original_max_position_embeddings"))
    warn("warn_yarn_original", {});

  // head_dim, else hidden_size // num_attention_heads; DeepSeek's multi-head latent attention
  // rotates only qk_rope_head_dim dimensions per head.
  KeyName head_name{"qk_rope_head_dim", "qk_rope_head_dim"};
  auto head = number(*config, "qk_rope_head_dim");
  if (!head) return head.error();
  if (std::isnan(head.value())) {
    head = number(*config, "head_dim");
    if (!head) return head.error();
    head_name = {"head_dim", "head_dim"};
  }
  double head_dim = head.value();
  if (std::isnan(head_dim)) {
    const auto hidden = number(*config, "hidden_size");
    if (!hidden) return hidden.error();
    const auto heads = number(*config, "num_attention_heads");
    if (!heads) return heads.error();
    if (std::isnan(hidden.value()) || std::isnan(heads.value())) {
      return make_error(ErrorCode::invalid_argument, "head_dim", "required_or",
                        {{"alternative", std::string("hidden_size and num_attention_heads")}});
    }
    head_dim = std::floor(hidden.value() / heads.value());
    head_name = {"hidden_size",
                 "hidden_size / num_attention_heads (" + format_number(hidden.value()) + " / " +
                     format_number(heads.value()) + " \u2192 " + format_number(head_dim) + ")"};
  }
  // partial_rotary_factor, or GPT-NeoX's rotary_pct.
  std::string fraction_key = "partial_rotary_factor";
  auto fraction = number(*config, fraction_key);
  if (!fraction) return fraction.error();
  if (std::isnan(fraction.value()) && config->given("rotary_pct")) {
    fraction_key = "rotary_pct";
    fraction = number(*config, fraction_key);
    if (!fraction) return fraction.error();
  }
  const bool partial = !std::isnan(fraction.value());
  const double rotary_dim = partial ? std::floor(head_dim * fraction.value()) : head_dim;
  const KeyName rotary_name =
      partial ? KeyName{fraction_key, "head_dim \u00d7 " + fraction_key + " (" +
                                          format_number(head_dim) + " \u00d7 " +
                                          format_number(fraction.value()) + " \u2192 " +
                                          format_number(rotary_dim) + ")"}
              : head_name;
  const auto max_positions = number(*config, "max_position_embeddings");
  if (!max_positions) return max_positions.error();
  const auto config_original = number(*config, "original_max_position_embeddings");
  if (!config_original) return config_original.error();
  const double mpe = max_positions.value();
  const Value* yarn_original = kept.given("original_max_position_embeddings");
  const Value* factor = kept.given("factor");
  if (type == "yarn" && yarn_original && yarn_original->is(Type::number) && !std::isnan(mpe) &&
      factor && (!factor->is(Type::number) || mpe / yarn_original->number != factor->number)) {
    std::vector<MessageArg> args{{"ratio", mpe / yarn_original->number}};
    if (factor->is(Type::number))
      args.push_back({"factor", factor->number});
    else
      args.push_back({"factor", json::describe(*factor)});
    warn("warn_yarn_ratio", std::move(args));
  }
  const Value* all_dim = kept.given("mscale_all_dim");
  if (type == "yarn" && all_dim && all_dim->is(Type::number) && all_dim->number != 0) {
    const bool by_lengths = yarn_original && yarn_original->is(Type::number) && !std::isnan(mpe);
    const bool known = by_lengths || (factor && factor->is(Type::number));
    if (known) {
      const double yarn_factor = by_lengths ? mpe / yarn_original->number : factor->number;
      const Value* m = kept.given("mscale");
      MessageArg ratio{"ratio", std::string("unused (no mscale)")};
      if (m && m->is(Type::number) && m->number != 0) {
        ratio.value =
            six_digits(mscale_of(yarn_factor, m->number) / mscale_of(yarn_factor, all_dim->number));
      }
      const double extra = six_digits(std::pow(mscale_of(yarn_factor, all_dim->number), 2));
      warn("warn_mscale_all_dim", {ratio, {"extra", extra}});
    }
  }

  // The engine's checks, each error renamed to the config key the value came from.
  const auto rename = [&](Error e) -> Error {
    if (e.parameter == "head_dim") return renamed(std::move(e), head_name);
    if (e.parameter == "rotary_dim") return renamed(std::move(e), rotary_name);
    if (e.parameter == "theta") return renamed(std::move(e), {"rope_theta", "rope_theta"});
    if (e.parameter == "config_original_max_position_embeddings") {
      return renamed(std::move(e),
                     {"original_max_position_embeddings", "original_max_position_embeddings"});
    }
    return e;  // max_position_embeddings and the scaling keys already have their config names
  };
  // A scaling of type default is not passed on (its other keys are not read).
  Value none;
  none.type = Type::object;
  const bool scaled_type = scaling && type != "default";
  const Value& passed = scaled_type ? kept : none;
  if (auto s = check_scaling_types(passed); !s) return s.error();
  RopeOptions geometry;
  geometry.head_dim = head_dim;
  geometry.theta = theta;
  geometry.rotary_dim = rotary_dim;
  const auto spec = make_rope_spec(geometry);
  if (!spec) return rename(spec.error());
  const auto flat = scaling_of(passed, scaled_type ? type : "default");
  if (!flat) return rename(flat.error());
  RopeContext context;
  context.max_position_embeddings = mpe;
  if (type == "longrope") context.original_max_position_embeddings = config_original.value();
  context.sequence_length = sequence_length_;
  auto scaled = scaled_rope(spec.value(), flat.value(), context);
  if (!scaled) return rename(scaled.error());

  LayerTypeReading layer;
  layer.name = "full_attention";
  layer.rope_type = type;
  layer.theta = theta;
  layer.head_dim = spec.value().head_dim;
  layer.rotary_dim = spec.value().rotary_dim;
  layer.scaled = std::move(scaled.value());
  if (scaled_type) layer.scaling = kept;
  out_.layer_types.push_back(std::move(layer));
  out_.max_positions = mpe;
  out_.original_max_positions = config_original.value();
  return std::move(out_);
}

}  // namespace

Result<RopeConfigReading> read_rope_config(std::string_view json_text, double sequence_length) {
  return Reader(sequence_length).read(json_text);
}

Result<double> query_scale(double floor_scale, double attn_scale, double position) {
  if (auto s = check_integer("position", position, 0, double(kMaxPosition)); !s) return s.error();
  if (std::isnan(floor_scale)) return 1.0;
  if (!std::isfinite(floor_scale) || !(floor_scale > 0)) {
    return make_error(ErrorCode::invalid_argument, "floor_scale", "greater_than",
                      {{"min", 0.0}, {"got", floor_scale}});
  }
  if (!std::isfinite(attn_scale)) {
    return make_error(ErrorCode::invalid_argument, "attn_scale", "not_finite",
                      {{"got", attn_scale}, {"index", 0.0}});
  }
  return std::log(std::floor((position + 1) / floor_scale) + 1) * attn_scale + 1;
}

}  // namespace pe
