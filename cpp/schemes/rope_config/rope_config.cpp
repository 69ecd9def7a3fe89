// The config reader of rope_config.hpp.
#include "rope_config.hpp"

#include <algorithm>
#include <cmath>
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
    {"partial_rotary_factor", Type::number},  // inside rope_parameters (Qwen3.5, Gemma 4)
};

// Keys of rope_parameters a class reads elsewhere or leaves out of RoPE's validation on purpose
// (ignore_keys_at_rope_validation): M-RoPE's sections, which the multimodal code reads.
constexpr std::string_view kQuietKeys[] = {"mrope_section", "mrope_interleaved"};

// Model types whose configs mean RoPE even without a rope_theta (the library's default 10000 then).
constexpr std::string_view kRopeModelTypes[] = {
    "llama",
    "mistral",
    "mixtral",
    "qwen2",
    "qwen2_moe",
    "qwen3",
    "qwen3_moe",
    "gemma",
    "gemma2",
    "gemma3_text",
    "phi",
    "phi3",
    "gpt_neox",
    "gptj",
    "deepseek_v2",
    "deepseek_v3",
    "falcon",
    "olmo",
    "olmo2",
    "starcoder2",
    "cohere",
    "internlm2",
    "baichuan",
    "yi",
    "granite",
    "stablelm",
    "persimmon",
    "chatglm",
    "glm",
    "exaone",
    // the families of the per-layer reading (below) whose configs may omit rope_theta
    "llama4",
    "llama4_text",
    "gemma3",
    "gemma4",
    "gemma4_text",
    "gpt_oss",
    "smollm3",
    "cohere2",
    "modernbert",
    "glm4",
    "glm4_moe",
    "qwen3_5",
    "qwen3_5_text",
    "qwen3_next",
    "qwen2_5_vl",
    "kimi_k2",
    "ministral",
    "falcon_h1",
    "mistral3",
    "minicpm3",
};

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
  error.message = format_message(error.text, error.parameter, error.args);
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
  // At most kMaxWarnings (a config with thousands of unknown keys gets the first ones).
  void warn(MessageKind kind, std::vector<MessageArg> args) {
    if (out_.warnings.size() >= std::size_t(kMaxWarnings)) return;
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
  Status read_geometry();
  Status check_head();
  Status read_layers();
  Result<double> window_of(const std::string& kind);
  Result<LayerTypeReading> read_type(const std::string& name);
  void class_default(const char* key, double value);
  Result<double> setting(const char* key, double fallback);

  double sequence_length_;
  RopeConfigReading out_;
  const Value* config_ = nullptr;          // the (text) config
  const struct Family* family_ = nullptr;  // its family, if the reader knows it
  double head_dim_ = kUnset;
  KeyName head_name_{"head_dim", "head_dim"};
  double mla_nope_ = 0;         // DeepSeek's qk_nope_head_dim
  bool mla_interleave_ = true;  // DeepSeek's rope_interleave
  double max_positions_ = kUnset, config_original_ = kUnset;
};

// A list of 1 to `max` numbers (the JS API's peNumbers).
Status check_numbers(const std::string& name, const Value& v, std::size_t max) {
  if (!v.is(Type::array)) {
    return make_error(
        ErrorCode::invalid_argument, name, "not_array",
        {{"expected", std::string("an array of numbers")}, {"got", json::describe(v)}});
  }
  if (v.items.empty() || v.items.size() > max) {
    return make_error(ErrorCode::invalid_argument, name, "list_length",
                      {{"max", double(max)}, {"got", double(v.items.size())}});
  }
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    if (!v.items[i].is(Type::number)) {
      return make_error(ErrorCode::invalid_argument, name, "not_in_array",
                        {{"index", double(i)},
                         {"expected", std::string("a number")},
                         {"got", json::describe(v.items[i])}});
    }
  }
  return Ok{};
}

// The types of the kept scaling keys, as the JS API's ropeFrequencies checks a scaling object.
Status Reader::check_scaling_types(const Value& kept) {
  for (const auto& [key, type] : kScalingKeys) {
    const Value* v = kept.given(key);
    if (!v) continue;
    const std::string name(key);
    if (type == Type::array) {
      if (auto s = check_numbers(name, *v, std::size_t(kMaxHeadDim)); !s) return s.error();
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

// --- families: how each config class and its modeling file lay out the layers -----------------
// Read from huggingface/transformers at upstream c49429ed1f8b (2026-08-16; its history is held
// by the fork 8b-is/transformers): models/<family>/configuration_<family>.py (defaults,
// layer_types, NoPE lists) and modeling_<family>.py (which layers rotate, the pairing, the
// slice). tests/reference/models.py runs the library's own code on the gallery's configs and
// cites the lines each rule below comes from; rope_config_test.cpp checks every model.

enum class Layout {
  uniform,            // every layer full attention, RoPE everywhere
  model_wide_window,  // Mistral, Phi-3: every layer gets sliding_window when it is set
  max_window_layers,  // Qwen2/3: sliding from layer max_window_layers when use_sliding_window
  gemma3,             // sliding except every sliding_window_pattern-th (6); θ per layer type
  gemma4,             // as Gemma 3, the last layer full; rope_parameters per layer type
  llama4,             // no_rope_layers: RoPE layers chunked, every 4th layer full and NoPE
  gpt_oss,            // sliding and full alternate
  smollm3,            // no_rope_layers: every 4th layer NoPE
  cohere2,            // sliding except every 4th (global, NoPE); interleaved pairs
  modernbert,         // full every global_attn_every_n_layers-th (3), else local; θ per type
  qwen3_5,            // linear attention (no RoPE) except every full_attention_interval-th (4)
  mla,                // DeepSeek-V3, MiniCPM3: the last qk_rope_head_dim of a head rotate
};

struct Family {
  std::string_view model_type;  // the text model's model_type in config.json
  std::string_view config_class;
  Layout layout;
  Pairing pairing;
  double theta = kUnset;          // the class's default_theta where it is not the library's 10000
  double head_dim = kUnset;       // the class's default head_dim (NaN: hidden_size / heads)
  double max_positions = kUnset;  // the class's default max_position_embeddings
  double qk_rope = kUnset;        // MLA: the class's default qk_rope_head_dim
  double qk_nope = kUnset;        // and qk_nope_head_dim
};

// modeling_llama.py:158, modeling_mistral.py:79, modeling_qwen2.py:133, modeling_qwen3.py:168,
// modeling_olmo2.py:183, modeling_glm4_moe.py:142, modeling_phi3.py:191-196 (rotate_half: half);
// modeling_llama4.py:233-242 (complex pairs: interleaved); modeling_cohere2.py:89, :150-155
// (repeat_interleave: interleaved); modeling_deepseek_v3.py:444, :454-455 (the last slice,
// interleaved with rope_interleave); default_theta, head_dim and max_position_embeddings from each
// configuration file (Gemma3TextConfig: 131_072, configuration_gemma3.py:85).
constexpr Family kFamilies[] = {
    {"llama", "LlamaConfig", Layout::uniform, Pairing::half, kUnset, kUnset, 2048},
    {"mistral", "MistralConfig", Layout::model_wide_window, Pairing::half, kUnset, kUnset, 131072},
    {"ministral", "MinistralConfig", Layout::model_wide_window, Pairing::half, kUnset, kUnset,
     131072},
    {"mixtral", "MixtralConfig", Layout::model_wide_window, Pairing::half, kUnset, kUnset, 131072},
    {"qwen2", "Qwen2Config", Layout::max_window_layers, Pairing::half, kUnset, kUnset, 32768},
    {"qwen2_5_vl", "Qwen2_5_VLTextConfig", Layout::max_window_layers, Pairing::half, kUnset, kUnset,
     32768},
    {"qwen3", "Qwen3Config", Layout::max_window_layers, Pairing::half, kUnset, kUnset, 32768},
    {"qwen3_5_text", "Qwen3_5TextConfig", Layout::qwen3_5, Pairing::half, kUnset, 256, 32768},
    {"qwen3_next", "Qwen3NextConfig", Layout::qwen3_5, Pairing::half, kUnset, kUnset, 32768},
    {"phi3", "Phi3Config", Layout::model_wide_window, Pairing::half, kUnset, kUnset, 4096},
    {"olmo2", "Olmo2Config", Layout::uniform, Pairing::half, kUnset, kUnset, 2048},
    {"glm4_moe", "Glm4MoeConfig", Layout::uniform, Pairing::half, kUnset, kUnset, 131072},
    {"gemma3_text", "Gemma3TextConfig", Layout::gemma3, Pairing::half, kUnset, 256, 131072},
    {"gemma4_text", "Gemma4TextConfig", Layout::gemma4, Pairing::half, kUnset, 256, 131072},
    {"llama4_text", "Llama4TextConfig", Layout::llama4, Pairing::interleaved, 500000, 128, 131072},
    {"gpt_oss", "GptOssConfig", Layout::gpt_oss, Pairing::half, 150000, 64, 131072},
    {"smollm3", "SmolLM3Config", Layout::smollm3, Pairing::half, 2000000, kUnset, 32768},
    {"cohere2", "Cohere2Config", Layout::cohere2, Pairing::interleaved, kUnset, kUnset, 8192},
    {"modernbert", "ModernBertConfig", Layout::modernbert, Pairing::half, kUnset, kUnset, 8192},
    {"deepseek_v3", "DeepseekV3Config", Layout::mla, Pairing::interleaved, kUnset, kUnset, 4096, 64,
     128},
    // Kimi-K2 names remote code (auto_map: configuration_deepseek.DeepseekV3Config); transformers
    // has no kimi_k2 type, and reads it with DeepseekV3Config.
    {"kimi_k2", "DeepseekV3Config", Layout::mla, Pairing::interleaved, kUnset, kUnset, 4096, 64,
     128},
    // MiniCPM3 (models/minicpm3/ at c49429ed): MLA as DeepSeek's, q split [qk_nope_head_dim,
    // qk_rope_head_dim] with the rotated part last (modeling_minicpm3.py:327), but rotate_half
    // pairs (:338, apply_rotary_pos_emb; it reads no rope_interleave); configuration_minicpm3.py:
    // defaults qk_rope_head_dim 32, qk_nope_head_dim 64, max_position_embeddings 32768, and
    // head_dim = qk_rope_head_dim whatever the file says (__post_init__).
    {"minicpm3", "MiniCPM3Config", Layout::mla, Pairing::half, kUnset, kUnset, 32768, 32, 64},
};

// A multimodal wrapper's model_type names its text model's family. Mistral 3 (Mistral Small 3.1)
// builds its text_config as MistralConfig unless it names another type, and runs it as
// MistralModel (configuration_mistral3.py:83-84, modeling_mistral3.py:205).
std::string_view text_model_type(std::string_view type) {
  if (type == "mistral3") return "mistral";
  if (type == "gemma3") return "gemma3_text";
  if (type == "gemma4") return "gemma4_text";
  if (type == "llama4") return "llama4_text";
  if (type == "qwen3_5") return "qwen3_5_text";
  return type;
}

const Family* family_of(std::string_view model_type) {
  const auto type = text_model_type(model_type);
  for (const auto& f : kFamilies) {
    if (f.model_type == type) return &f;
  }
  return nullptr;
}

// Keys a family's class does not read although configs carry them (remote code's own keys).
struct IgnoredKey {
  std::string_view model_type, key;
};
constexpr IgnoredKey kIgnoredKeys[] = {
    // Command R7B's file: Cohere2Config reads none of these (configuration_cohere2.py).
    {"cohere2", "rotary_pct"},
    {"cohere2", "layer_switch"},
    {"cohere2", "position_embedding_type"},
    {"cohere2", "order_of_interleaved_layers"},
    // MiniCPM3Config sets head_dim = qk_rope_head_dim (configuration_minicpm3.py, __post_init__):
    // a file's head_dim (96 = nope + rope in re-saved copies) is overwritten.
    {"minicpm3", "head_dim"},
};

constexpr std::string_view kAttentionKinds[] = {"full_attention", "sliding_attention",
                                                "chunked_attention", "linear_attention"};

std::string attention_of(std::string_view kind) {
  return std::string(kind.substr(0, kind.find('_')));  // full_attention -> full
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
  std::string wrapper_type;
  if (const Value* m = config->given("model_type"); m && m->is(Type::string))
    wrapper_type = m->text;
  if (!has_rope_keys(*config)) {
    const Value* inner = config->given("text_config");
    if (inner && inner->is(Type::object)) {
      config = inner;
      warn("warn_text_config", {});
    }
  }
  std::string model_type;
  if (const Value* m = config->given("model_type"); m && m->is(Type::string)) model_type = m->text;
  if (model_type.empty()) model_type = wrapper_type;
  if (!has_rope_keys(*config) && std::find(std::begin(kRopeModelTypes), std::end(kRopeModelTypes),
                                           model_type) == std::end(kRopeModelTypes)) {
    return make_error(ErrorCode::invalid_argument, json_text, "no_rope",
                      {{"got", model_type.empty() ? std::string("no model_type") : model_type}});
  }
  config_ = config;
  family_ = family_of(model_type);
  for (const auto& ignored : kIgnoredKeys) {
    if (family_ && ignored.model_type == family_->model_type && config->given(ignored.key)) {
      warn("warn_ignored_key",
           {{"key", std::string(ignored.key)}, {"class", std::string(family_->config_class)}});
    }
  }
  if (auto s = read_geometry(); !s) return s.error();
  if (auto s = read_layers(); !s) return s.error();
  // One reading per layer type, in the order the layers first use them.
  std::vector<std::string> order;
  for (const auto& name : out_.layers) {
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  }
  if (order.empty()) order.push_back("full_attention");
  out_.max_positions = max_positions_;
  out_.original_max_positions = config_original_;
  for (const auto& name : order) {
    auto t = read_type(name);
    if (!t) return t.error();
    out_.layer_types.push_back(std::move(t.value()));
  }
  out_.first_rope = 0;
  while (out_.first_rope + 1 < out_.layer_types.size() && !out_.layer_types[out_.first_rope].rope)
    ++out_.first_rope;
  if (!out_.main().rope) {
    return make_error(ErrorCode::invalid_argument, json_text, "no_rope",
                      {{"got", model_type.empty() ? std::string("no model_type") : model_type}});
  }
  // Llama 4's attention temperature on its NoPE layers (modeling_llama4.py:367-374), on by
  // default (attn_temperature_tuning, floor_scale 8192, attn_scale 0.1: configuration_llama4.py).
  if (family_ && family_->layout == Layout::llama4) {
    const Value* tuning = config->given("attn_temperature_tuning");
    if (!tuning || !tuning->is(Type::boolean) || tuning->boolean) {
      const auto floor_scale = number(*config, "floor_scale");
      if (!floor_scale) return floor_scale.error();
      const auto attn_scale = number(*config, "attn_scale");
      if (!attn_scale) return attn_scale.error();
      out_.floor_scale = std::isnan(floor_scale.value()) ? 8192 : floor_scale.value();
      out_.attn_scale = std::isnan(attn_scale.value()) ? 0.1 : attn_scale.value();
      if (!(out_.floor_scale > 0) || !std::isfinite(out_.floor_scale)) {
        return make_error(ErrorCode::invalid_argument, "floor_scale", "greater_than",
                          {{"min", 0.0}, {"got", out_.floor_scale}});
      }
    }
  }
  // A warning given by several layer types once.
  std::vector<ConfigWarning> unique;
  for (auto& w : out_.warnings) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const ConfigWarning& u) {
      return u.kind == w.kind && u.message == w.message;
    });
    if (!seen) unique.push_back(std::move(w));
  }
  out_.warnings = std::move(unique);
  return std::move(out_);
}

// head_dim (or the family's), and what names it in errors.
Status Reader::read_geometry() {
  const Value& c = *config_;
  const auto mpe = number(c, "max_position_embeddings");
  if (!mpe) return mpe.error();
  max_positions_ = mpe.value();
  // The class's default where the config leaves it out (Gemma 3 4B and 27B's text_config).
  if (std::isnan(max_positions_) && family_ && !std::isnan(family_->max_positions)) {
    max_positions_ = family_->max_positions;
    class_default("max_position_embeddings", max_positions_);
  }
  const auto original = number(c, "original_max_position_embeddings");
  if (!original) return original.error();
  config_original_ = original.value();
  const Layout layout = family_ ? family_->layout : Layout::uniform;
  // DeepSeek's MLA (and older families that carry qk_rope_head_dim): qk_rope_head_dim rotate,
  // the last ones of a qk_nope_head_dim + qk_rope_head_dim head (configuration_deepseek_v3.py:
  // 123-124, defaults 64 and 128; MiniCPM3's 32 and 64).
  const auto rope_head = number(c, "qk_rope_head_dim");
  if (!rope_head) return rope_head.error();
  if (layout == Layout::mla || !std::isnan(rope_head.value())) {
    head_name_ = {"qk_rope_head_dim", "qk_rope_head_dim"};
    head_dim_ = rope_head.value();
    if (std::isnan(head_dim_) && layout == Layout::mla) {
      head_dim_ = family_->qk_rope;
      class_default("qk_rope_head_dim", head_dim_);
    }
    if (layout == Layout::mla) {
      const auto nope = number(c, "qk_nope_head_dim");
      if (!nope) return nope.error();
      mla_nope_ = std::isnan(nope.value()) ? family_->qk_nope : nope.value();
      if (std::isnan(nope.value())) class_default("qk_nope_head_dim", mla_nope_);
      // DeepseekV3Config's rope_interleave (default true) picks the pairing; MiniCPM3 always
      // pairs halves and has no such key.
      const Value* interleave = c.given("rope_interleave");
      mla_interleave_ = family_->pairing == Pairing::interleaved &&
                        (!interleave || !interleave->is(Type::boolean) || interleave->boolean);
    }
    return check_head();
  }
  // Cohere2Config sets head_dim = hidden_size // num_attention_heads whatever the file says
  // (configuration_cohere2.py:93).
  if (layout != Layout::cohere2) {
    const auto head = number(c, "head_dim");
    if (!head) return head.error();
    head_name_ = {"head_dim", "head_dim"};
    head_dim_ = head.value();
  }
  if (std::isnan(head_dim_) && family_ && !std::isnan(family_->head_dim)) {
    head_dim_ = family_->head_dim;  // e.g. Gemma3TextConfig's head_dim = 256
    class_default("head_dim", head_dim_);
    return check_head();
  }
  if (std::isnan(head_dim_)) {
    const auto hidden = number(c, "hidden_size");
    if (!hidden) return hidden.error();
    const auto heads = number(c, "num_attention_heads");
    if (!heads) return heads.error();
    if (std::isnan(hidden.value()) || std::isnan(heads.value())) {
      return make_error(ErrorCode::invalid_argument, "head_dim", "required_or",
                        {{"alternative", std::string("hidden_size and num_attention_heads")}});
    }
    head_dim_ = std::floor(hidden.value() / heads.value());
    head_name_ = {"hidden_size",
                  "hidden_size / num_attention_heads (" + format_number(hidden.value()) + " / " +
                      format_number(heads.value()) + " \u2192 " + format_number(head_dim_) + ")"};
  }
  return check_head();
}

// The head's size (and MLA's q_nope part) checked before anything is sized by it, named as the
// config names it.
Status Reader::check_head() {
  if (auto s = check_integer("head_dim", head_dim_, 2, kMaxHeadDim); !s)
    return renamed(s.error(), head_name_);
  if (auto s = check_integer("qk_nope_head_dim", mla_nope_, 0, kMaxHeadDim); !s) return s;
  return Ok{};
}

void Reader::class_default(const char* key, double value) {
  if (!family_) return;
  warn(
      "warn_class_default",
      {{"key", std::string(key)}, {"class", std::string(family_->config_class)}, {"value", value}});
}

// An integer setting of the config, or the class's default.
Result<double> Reader::setting(const char* key, double fallback) {
  auto v = number(*config_, key);
  if (!v) return v;
  if (std::isnan(v.value())) return fallback;
  if (auto s = check_integer(key, v.value(), 1, double(kMaxPosition)); !s) return s.error();
  return v;
}

// The layer-type name of every layer, as the config class writes layer_types and the modeling
// file decides which layers rotate.
Status Reader::read_layers() {
  const Value& c = *config_;
  const Layout layout = family_ ? family_->layout : Layout::uniform;
  auto layers = number(c, "num_hidden_layers");
  if (!layers) return layers.error();
  const Value* given_types = c.given("layer_types");
  if (given_types && !given_types->is(Type::array)) {
    return make_error(ErrorCode::invalid_argument, "layer_types", "not_array",
                      {{"expected", std::string("an array of layer-type names")},
                       {"got", json::describe(*given_types)}});
  }
  double n = layers.value();
  if (std::isnan(n) && given_types) n = double(given_types->items.size());
  if (std::isnan(n)) return Ok{};  // no layer count: one reading, no layer list
  if (auto s = check_integer("num_hidden_layers", n, 1, kMaxLayers); !s) return s;
  const auto count = static_cast<std::size_t>(n);
  // no_rope_layers (Llama 4, SmolLM3): 1 where the layer rotates; default: every
  // no_rope_layer_interval-th layer (4) is NoPE (configuration_llama4.py:179-182,
  // configuration_smollm3.py:101-104).
  std::vector<bool> rotates(count, true);
  if (layout == Layout::llama4 || layout == Layout::smollm3) {
    const auto interval = setting("no_rope_layer_interval", 4);
    if (!interval) return interval.error();
    const Value* list = c.given("no_rope_layers");
    if (list && (!list->is(Type::array) || list->items.size() < count)) {
      return make_error(
          ErrorCode::invalid_argument, "no_rope_layers", "length_mismatch",
          {{"expected", n}, {"got", list->is(Type::array) ? double(list->items.size()) : 0.0}});
    }
    for (std::size_t i = 0; i < count; ++i) {
      if (list) {
        const Value& v = list->items[i];
        if (!v.is(Type::number) && !v.is(Type::boolean)) {
          return make_error(ErrorCode::invalid_argument, "no_rope_layers", "not_in_array",
                            {{"index", double(i)},
                             {"expected", std::string("0 or 1")},
                             {"got", json::describe(v)}});
        }
        rotates[i] = v.is(Type::boolean) ? v.boolean : v.number != 0;
      } else {
        rotates[i] = (i + 1) % std::size_t(interval.value()) != 0;
      }
    }
  }
  std::vector<std::string> kinds(count, "full_attention");
  const auto pattern = [&](const char* key, double fallback, bool from_one) -> Status {
    const auto p = setting(key, fallback);
    if (!p) return p.error();
    const auto every = std::size_t(p.value());
    for (std::size_t i = 0; i < count; ++i) {
      const bool full = from_one ? (i + 1) % every == 0 : i % every == 0;
      kinds[i] = full                        ? "full_attention"
                 : layout == Layout::qwen3_5 ? "linear_attention"
                                             : "sliding_attention";
    }
    return Ok{};
  };
  if (given_types) {
    if (given_types->items.size() != count) {
      return make_error(ErrorCode::invalid_argument, "layer_types", "length_mismatch",
                        {{"expected", n}, {"got", double(given_types->items.size())}});
    }
    for (std::size_t i = 0; i < count; ++i) {
      const Value& v = given_types->items[i];
      const bool known =
          v.is(Type::string) && std::find(std::begin(kAttentionKinds), std::end(kAttentionKinds),
                                          v.text) != std::end(kAttentionKinds);
      if (!known) {
        return make_error(ErrorCode::invalid_argument, "layer_types", "layer_types_entry",
                          {{"index", double(i)},
                           {"allowed", std::string("full_attention, sliding_attention, "
                                                   "chunked_attention, linear_attention")},
                           {"got", json::describe(v)}});
      }
      kinds[i] = v.text;
    }
  } else {
    Status s = Ok{};
    switch (layout) {
      // configuration_gemma3.py:109-113, configuration_cohere2.py:98-100: sliding_window_pattern
      case Layout::gemma3: s = pattern("sliding_window_pattern", 6, true); break;
      case Layout::gemma4: s = pattern("sliding_window_pattern", 6, true); break;
      case Layout::cohere2: s = pattern("sliding_window_pattern", 4, true); break;
      // configuration_gpt_oss.py:75-78: sliding, full, sliding, ...
      case Layout::gpt_oss: s = pattern("sliding_window_pattern", 2, true); break;
      // configuration_qwen3_5.py:112-117: full_attention_interval
      case Layout::qwen3_5: s = pattern("full_attention_interval", 4, true); break;
      // configuration_modernbert.py:115-118: global_attn_every_n_layers, from layer 0
      case Layout::modernbert: s = pattern("global_attn_every_n_layers", 3, false); break;
      case Layout::llama4:  // configuration_llama4.py:197-199
        for (std::size_t i = 0; i < count; ++i)
          kinds[i] = rotates[i] ? "chunked_attention" : "full_attention";
        break;
      case Layout::max_window_layers: {  // configuration_qwen2.py:84-91
        const Value* use = c.given("use_sliding_window");
        const bool sliding =
            use && use->is(Type::boolean) && use->boolean && c.given("sliding_window") != nullptr;
        const auto from = setting("max_window_layers", 28);
        if (!from) return from.error();
        for (std::size_t i = 0; sliding && i < count; ++i) {
          if (double(i) >= from.value()) kinds[i] = "sliding_attention";
        }
        break;
      }
      default: break;
    }
    if (!s) return s;
  }
  // Gemma 4's last layer is always full attention (configuration_gemma4.py:197-201).
  if (layout == Layout::gemma4 && count > 0) kinds.back() = "full_attention";
  // Mistral and Phi-3 pass the model's sliding_window to every layer (modeling_mistral.py:172,
  // modeling_phi3.py:257).
  if (layout == Layout::model_wide_window && c.given("sliding_window")) {
    std::fill(kinds.begin(), kinds.end(), "sliding_attention");
  }
  out_.layers.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    // Command R7B rotates only its sliding layers (modeling_cohere2.py:229-230); linear attention
    // (Qwen3.5, Qwen3-Next: modeling_qwen3_5.py:746-749) has no position embedding at all.
    bool rope = rotates[i] && kinds[i] != "linear_attention";
    if (layout == Layout::cohere2) rope = kinds[i] == "sliding_attention";
    out_.layers[i] = rope || kinds[i] == "linear_attention" ? kinds[i] : kinds[i] + "_nope";
  }
  return Ok{};
}

// The window of a layer type: sliding_window, ModernBERT's half window + 1, Llama 4's chunk.
Result<double> Reader::window_of(const std::string& kind) {
  const Layout layout = family_ ? family_->layout : Layout::uniform;
  if (kind == "chunked_attention") return setting("attention_chunk_size", 8192);
  if (kind != "sliding_attention") return kUnset;
  if (layout == Layout::modernbert) {
    // modeling_modernbert.py:250-253: local_attention // 2 each side, + 1 (an inclusive bound)
    const auto local = setting("local_attention", 128);
    if (!local) return local;
    return std::floor(local.value() / 2) + 1;
  }
  const double fallback = layout == Layout::gemma3    ? 4096
                          : layout == Layout::gemma4  ? 512
                          : layout == Layout::gpt_oss ? 128
                          : layout == Layout::cohere2 ? 4096
                                                      : kUnset;
  return setting("sliding_window", fallback);
}

// The reading of one layer type.
Result<LayerTypeReading> Reader::read_type(const std::string& name) {
  const Value& c = *config_;
  const Layout layout = family_ ? family_->layout : Layout::uniform;
  LayerTypeReading out;
  out.name = name;
  const bool nope = name.size() > 5 && name.ends_with("_nope");
  const std::string kind = nope ? name.substr(0, name.size() - 5) : name;
  out.attention = attention_of(kind);
  auto window = window_of(kind);
  if (!window) return window.error();
  out.window = window.value();
  out.pairing = family_ ? family_->pairing : Pairing::half;
  out.head_dim = int(head_dim_);
  if (layout == Layout::mla) {
    out.head_dim = int(head_dim_ + mla_nope_);  // q_nope then q_rope
    out.rotate_last = true;
    out.pairing = mla_interleave_ ? Pairing::interleaved : Pairing::half;
  }
  if (nope || kind == "linear_attention") {
    out.rope = false;
    out.rotary_dim = 0;
    out.scaled.attention_scaling = 1;
    return out;
  }
  // Where this type's RoPE parameters are: rope_parameters keyed by layer type (the library's
  // standardize_rope_params, case 2), else rope_parameters or rope_scaling for the whole model.
  const char* scaling_key = c.given("rope_parameters") ? "rope_parameters" : "rope_scaling";
  const Value* scaling = c.given(scaling_key);
  if (scaling && !scaling->is(Type::object)) {
    return make_error(ErrorCode::invalid_argument, scaling_key, "not_object",
                      {{"example", std::string("{ rope_type: 'yarn', factor: 4 }")},
                       {"got", json::describe(*scaling)}});
  }
  std::string where = scaling_key;
  const bool keyed = scaling && !scaling->keys.empty() &&
                     std::all_of(scaling->keys.begin(), scaling->keys.end(), [](const auto& k) {
                       return std::find(std::begin(kAttentionKinds), std::end(kAttentionKinds),
                                        k) != std::end(kAttentionKinds);
                     });
  if (keyed) {
    scaling = scaling->given(kind);
    where += "." + kind;
    if (scaling && !scaling->is(Type::object)) {
      return make_error(ErrorCode::invalid_argument, where, "not_object",
                        {{"example", std::string("{ rope_type: 'default', rope_theta: 10000 }")},
                         {"got", json::describe(*scaling)}});
    }
  }
  // Gemma 3's rope_scaling scales only the global layers (configuration_gemma3.py:145-158):
  // the local ones are default RoPE at rope_local_base_freq.
  if (!keyed && layout == Layout::gemma3 && kind == "sliding_attention") scaling = nullptr;
  // θ: inside the parameters, else the top-level key of this type, else the class's default.
  std::string theta_key = "rope_theta";
  double class_theta = family_ ? family_->theta : kUnset;
  if (layout == Layout::gemma3) {
    theta_key = kind == "sliding_attention" ? "rope_local_base_freq" : "rope_theta";
    class_theta = kind == "sliding_attention" ? 10000 : 1000000;  // default_theta (:102)
  } else if (layout == Layout::modernbert) {
    theta_key = kind == "sliding_attention" ? "local_rope_theta" : "global_rope_theta";
    class_theta = kind == "sliding_attention" ? 10000 : 160000;  // default_theta (:77)
  } else if (layout == Layout::gemma4 && !scaling) {
    class_theta = kind == "sliding_attention" ? 10000 : 1000000;  // configuration_gemma4.py:203-205
  }
  const auto top_theta = number(c, theta_key);
  if (!top_theta) return top_theta.error();
  double inner_theta = kUnset;
  if (scaling) {
    const auto inner = number(*scaling, "rope_theta");
    if (!inner) return inner.error();
    inner_theta = inner.value();
  }
  const double top = top_theta.value();
  double theta = !std::isnan(inner_theta) ? inner_theta : top;
  if (std::isnan(theta) && !std::isnan(class_theta)) {
    theta = class_theta;
    class_default(theta_key.c_str(), class_theta);
  } else if (std::isnan(theta)) {
    theta = 10000;
    warn("warn_default_theta", {{"theta", 10000.0}});
  }
  if (!std::isnan(inner_theta) && std::isnan(top) && !keyed)
    warn("warn_theta_inside", {{"theta", inner_theta}});
  if (!std::isnan(inner_theta) && !std::isnan(top) && inner_theta != top)
    warn("warn_theta_twice", {{"inner", inner_theta}, {"top", top}});
  // M-RoPE's sections and layout (configuration_qwen2_vl.py, configuration_qwen3_vl.py): kept
  // for the multimodal code, not passed to the frequencies.
  if (scaling) {
    if (const Value* section = scaling->given("mrope_section")) {
      if (auto s = check_numbers("mrope_section", *section, std::size_t(kMaxMropeSections)); !s)
        return s.error();
      for (const Value& item : section->items) out.mrope_section.push_back(item.number);
    }
    if (const Value* interleaved = scaling->given("mrope_interleaved")) {
      if (!interleaved->is(Type::boolean))
        return not_of_type("mrope_interleaved", "not_boolean", *interleaved);
      out.mrope_interleaved = interleaved->boolean;
    }
  }
  // Keys the library does not read for RoPE are warned about and left out (it only warns too).
  Value kept;
  kept.type = Type::object;
  if (scaling) {
    for (const std::string& key : scaling->keys) {
      // a key given twice is one key (its last value): kept once
      if (std::find(kept.keys.begin(), kept.keys.end(), key) != kept.keys.end()) continue;
      const bool known = std::any_of(std::begin(kScalingKeys), std::end(kScalingKeys),
                                     [&](const ScalingKey& s) { return s.key == key; });
      if (known) {
        kept.keys.push_back(key);
        kept.items.push_back(*scaling->get(key));
      } else if (std::find(std::begin(kQuietKeys), std::end(kQuietKeys), key) ==
                 std::end(kQuietKeys)) {
        warn("warn_unknown_key", {{"key", key}});
      }
    }
  }
  // Gemma 4's class default for its global layers: proportional, a quarter of the head.
  if (layout == Layout::gemma4 && !scaling && kind == "full_attention") {
    kept =
        json::parse(R"({"rope_type": "proportional", "partial_rotary_factor": 0.25})", "").value();
  }
  // GptOssConfig's default rope_parameters (configuration_gpt_oss.py:80-88).
  if (layout == Layout::gpt_oss && !scaling) {
    kept = json::parse(R"({"rope_type": "yarn", "factor": 32.0, "beta_fast": 32.0,
      "beta_slow": 1.0, "truncate": false, "original_max_position_embeddings": 4096})",
                       "")
               .value();
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
  // The legacy "mrope" is the Qwen-VL classes' own spelling, rewritten without a word (below).
  if (scaling && !kept.given("rope_type") && kept.given("type") && type != "mrope")
    warn("warn_legacy_type", {{"type", type}});
  const auto set_type = [&](const std::string& t) {
    type = t;
    Value text;
    text.type = Type::string;
    text.text = t;
    const auto at = std::find(kept.keys.begin(), kept.keys.end(), "rope_type");
    if (at != kept.keys.end()) {
      kept.items[std::size_t(at - kept.keys.begin())] = text;
    } else {
      kept.keys.push_back("rope_type");
      kept.items.push_back(text);
    }
  };
  if (type_is_text && type == "su") {
    warn("warn_su", {});  // Phi-3's first configs: Phi3Config reads "su" as longrope
    set_type("longrope");
  }
  // Phi3Config reads "yarn" as longrope too (configuration_phi3.py:102-104).
  if (type_is_text && type == "yarn" && family_ && family_->model_type == "phi3")
    set_type("longrope");
  // Qwen2.5-VL's legacy "mrope": default RoPE with sections (configuration_qwen2_5_vl.py:151-152).
  if (type_is_text && type == "mrope") set_type("default");
  if (type == "ntk") warn("warn_ntk", {});
  if (type == "llama3") warn("warn_llama3_dropped", {});
  if (type == "dynamic") warn("warn_dynamic_cache", {});
  if (type == "yarn" && scaling && !kept.given("original_max_position_embeddings"))
    warn("warn_yarn_original", {});

  // partial_rotary_factor: the top level wins (standardize_rope_params), then the one inside
  // the parameters, then the class's default (Qwen3.5: 0.25, configuration_qwen3_5.py:111);
  // GPT-NeoX's rotary_pct where the class reads it.
  std::string fraction_key = "partial_rotary_factor";
  auto fraction = number(c, fraction_key);
  if (!fraction) return fraction.error();
  if (std::isnan(fraction.value()) && layout != Layout::cohere2 && c.given("rotary_pct")) {
    fraction_key = "rotary_pct";
    fraction = number(c, fraction_key);
    if (!fraction) return fraction.error();
  }
  if (std::isnan(fraction.value())) {
    fraction = number(kept, "partial_rotary_factor");
    if (!fraction) return fraction.error();
  }
  if (std::isnan(fraction.value()) && layout == Layout::qwen3_5) fraction = 0.25;
  // Gemma 4's global layers are global_head_dim wide (configuration_gemma4.py:210-213).
  double head_dim = head_dim_;
  KeyName head_name = head_name_;
  if (layout == Layout::gemma4 && kind == "full_attention") {
    const auto global = number(c, "global_head_dim");
    if (!global) return global.error();
    head_dim = std::isnan(global.value()) ? 512 : global.value();
    if (std::isnan(global.value())) class_default("global_head_dim", 512);
    head_name = {"global_head_dim", "global_head_dim"};
    if (auto s = check_integer("global_head_dim", head_dim, 2, kMaxHeadDim); !s) return s.error();
    out.head_dim = int(head_dim);
  }
  const bool proportional = type_is_text && type == "proportional";
  const bool partial = !std::isnan(fraction.value());
  // proportional rotates over the whole head (its missing pairs have frequency 0).
  const double rotary_dim =
      partial && !proportional ? std::floor(head_dim * fraction.value()) : head_dim;
  const KeyName rotary_name =
      partial && !proportional
          ? KeyName{fraction_key, "head_dim \u00d7 " + fraction_key + " (" +
                                      format_number(head_dim) + " \u00d7 " +
                                      format_number(fraction.value()) + " \u2192 " +
                                      format_number(rotary_dim) + ")"}
          : head_name;
  const double mpe = max_positions_;
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
  const double yarn_factor = factor && factor->is(Type::number) ? factor->number
                             : yarn_original && yarn_original->is(Type::number) && !std::isnan(mpe)
                                 ? mpe / yarn_original->number
                                 : kUnset;
  if (type == "yarn" && all_dim && all_dim->is(Type::number) && all_dim->number != 0 &&
      !std::isnan(yarn_factor)) {
    const Value* m = kept.given("mscale");
    MessageArg ratio{"ratio", std::string("unused (no mscale)")};
    if (m && m->is(Type::number) && m->number != 0) {
      ratio.value =
          six_digits(mscale_of(yarn_factor, m->number) / mscale_of(yarn_factor, all_dim->number));
    }
    const double extra = six_digits(std::pow(mscale_of(yarn_factor, all_dim->number), 2));
    warn("warn_mscale_all_dim", {ratio, {"extra", extra}});
  }

  // The engine's checks, each error renamed to the config key the value came from.
  const auto rename = [&](Error e) -> Error {
    if (e.parameter == "head_dim") return renamed(std::move(e), head_name);
    if (e.parameter == "rotary_dim") return renamed(std::move(e), rotary_name);
    if (e.parameter == "theta") return renamed(std::move(e), {theta_key, theta_key});
    if (e.parameter == "config_original_max_position_embeddings") {
      return renamed(std::move(e),
                     {"original_max_position_embeddings", "original_max_position_embeddings"});
    }
    return e;  // max_position_embeddings and the scaling keys already have their config names
  };
  // A scaling of type default is not passed on (its other keys are not read).
  Value none;
  none.type = Type::object;
  const bool scaled_type = !kept.keys.empty() && type != "default";
  const Value& passed = scaled_type ? kept : none;
  if (auto s = check_scaling_types(passed); !s) return s.error();
  RopeOptions geometry;
  geometry.head_dim = head_dim;
  geometry.theta = theta;
  geometry.rotary_dim = rotary_dim;
  const auto spec = make_rope_spec(geometry);
  if (!spec) return rename(spec.error());
  out.rope_type = type;
  out.theta = theta;
  out.rotary_dim = spec.value().rotary_dim;
  if (scaled_type) out.scaling = kept;
  if (proportional) {
    // _compute_proportional_rope_parameters (modeling_rope_utils.py): the exponent over the whole
    // head, int(partial * head_dim // 2) pairs rotate, the rest have frequency 0; all / factor.
    const auto p = number(kept, "factor");
    if (!p) return p.error();
    const double over = std::isnan(p.value()) ? 1 : p.value();
    if (!std::isfinite(over) || over < 1) {
      return make_error(ErrorCode::invalid_argument, "factor", "at_least",
                        {{"min", 1.0}, {"got", over}});
    }
    const int pairs = spec.value().head_dim / 2;
    const double share = partial ? fraction.value() : 1.0;
    const int rotated = std::clamp(int(std::floor(share * head_dim / 2)), 0, pairs);
    out.scaled.inv_freq.assign(std::size_t(pairs), 0.0);
    for (int i = 0; i < rotated; ++i) {
      out.scaled.inv_freq[std::size_t(i)] = 1.0 / std::pow(theta, 2.0 * i / head_dim) / over;
    }
    out.scaled.attention_scaling = 1;
    out.scaled.factor_used = over;
    return out;
  }
  auto flat = scaling_of(passed, scaled_type ? type : "default");
  if (!flat) return rename(flat.error());
  // Where the library computes instead of refusing, say it.
  const RopeScaling& f = flat.value();
  if (f.type == RopeScalingType::llama3 && f.low_freq_factor == f.high_freq_factor &&
      std::isfinite(f.original_max_position_embeddings)) {
    warn("warn_llama3_step",
         {{"factor", f.low_freq_factor},
          {"wavelength", f.original_max_position_embeddings / f.low_freq_factor}});
  }
  if (f.type == RopeScalingType::yarn) {
    const double fast = std::isnan(f.beta_fast) ? 32 : f.beta_fast;
    const double slow = std::isnan(f.beta_slow) ? 1 : f.beta_slow;
    if (fast == slow) warn("warn_yarn_equal_betas", {{"beta", fast}});
  }
  RopeContext context;
  context.max_position_embeddings = mpe;
  if (type == "longrope") context.original_max_position_embeddings = config_original_;
  context.sequence_length = sequence_length_;
  auto scaled = scaled_rope(spec.value(), flat.value(), context);
  if (!scaled) return rename(scaled.error());
  out.scaled = std::move(scaled.value());
  return out;
}

std::string numbers_json(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k) out += ", ";
    out += json::number_text(values[k]);
  }
  return out + "]";
}

std::string args_json(const std::vector<MessageArg>& args) {
  std::string out = "{";
  for (std::size_t k = 0; k < args.size(); ++k) {
    if (k) out += ", ";
    out += json::quote(args[k].name) + ": ";
    const double* number = std::get_if<double>(&args[k].value);
    out += number ? json::number_text(*number) : json::quote(std::get<std::string>(args[k].value));
  }
  return out + "}";
}

// "key": value pairs, in order.
struct Fields {
  std::string text = "{";
  Fields& add(const char* key, const std::string& json_value) {
    if (text.size() > 1) text += ", ";
    text += json::quote(key) + ": " + json_value;
    return *this;
  }
  Fields& add(const char* key, double number) { return add(key, json::number_text(number)); }
  std::string done() const { return text + "}"; }
};

// {a: x, b: y}, or null where x is NaN (no ramp, no bands).
std::string pair_json(const char* a, double x, const char* b, double y) {
  return std::isnan(x) ? std::string("null") : Fields().add(a, x).add(b, y).done();
}

std::string layer_type_json(const LayerTypeReading& t) {
  const auto& s = t.scaled;
  return Fields()
      .add("rope", t.rope ? "true" : "false")
      .add("ropeType", t.rope ? json::quote(t.rope_type) : "null")
      .add("theta", t.rope ? t.theta : kUnset)
      .add("invFreq", numbers_json(t.scaled.inv_freq))
      .add("attentionScaling", t.scaled.attention_scaling)
      .add("headDim", t.head_dim)
      .add("rotaryDim", t.rotary_dim)
      .add("rotatedSlice", t.rotate_last ? "\"last\"" : "\"first\"")
      .add("pairing", json::quote(to_string(t.pairing)))
      .add("attention", json::quote(t.attention))
      .add("window", t.window)
      .add("scaling", json::write(t.scaling))  // the atlas draws q·k from it
      // YaRN's ramp and Llama 3's bands of this layer type (the atlas draws them for each type)
      .add("ramp", pair_json("low", s.ramp_low, "high", s.ramp_high))
      .add("wavelengths", pair_json("low", s.wavelength_low, "high", s.wavelength_high))
      .done();
}

}  // namespace

std::string rope_config_json(const RopeConfigReading& r) {
  const auto& m = r.main();
  const auto& s = m.scaled;
  std::string warnings = "[";
  for (std::size_t k = 0; k < r.warnings.size(); ++k) {
    const auto& w = r.warnings[k];
    if (k) warnings += ", ";
    warnings += Fields()
                    .add("kind", json::quote(w.kind))
                    .add("args", args_json(w.args))
                    .add("message", json::quote(w.message))
                    .done();
  }
  std::string layers = "[";
  for (std::size_t k = 0; k < r.layers.size(); ++k) {
    if (k) layers += ", ";
    layers += json::quote(r.layers[k]);
  }
  Fields types;
  for (const auto& t : r.layer_types) types.add(t.name.c_str(), layer_type_json(t));
  return Fields()
      .add("invFreq", numbers_json(s.inv_freq))
      .add("attentionScaling", s.attention_scaling)
      .add("factor", s.factor_used)
      .add("ramp", pair_json("low", s.ramp_low, "high", s.ramp_high))
      .add("wavelengths", pair_json("low", s.wavelength_low, "high", s.wavelength_high))
      .add("headDim", m.head_dim)
      .add("rotaryDim", m.rotary_dim)
      .add("theta", m.theta)
      .add("ropeType", json::quote(m.rope_type))
      .add("maxPositions", r.max_positions)
      .add("originalMaxPositions", r.original_max_positions)
      .add("scaling", json::write(m.scaling))
      .add("mropeSection", m.mrope_section.empty() ? "null" : numbers_json(m.mrope_section))
      .add("mropeInterleaved", m.mrope_interleaved ? "true" : "false")
      .add("warnings", warnings + "]")
      .add("layers", layers + "]")
      .add("layerTypes", types.done())
      .add("queryScaling", pair_json("floorScale", r.floor_scale, "attnScale", r.attn_scale))
      .done();
}

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
