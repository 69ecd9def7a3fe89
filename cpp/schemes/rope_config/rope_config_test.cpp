// The config reader (rope_config.hpp): a config.json read as transformers reads it for RoPE.
// Here: the reading equals the explicit scaled_rope call with the keys the reader took (the scaling
// itself is checked against the library in rope_scaling_test.cpp), the errors name the config's
// keys, and each warning comes where the JS API gave it before the reader moved into the core.
#include "rope_config.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "reference.hpp"

namespace {

std::vector<std::string> kinds_of(const pe::RopeConfigReading& r) {
  std::vector<std::string> out;
  for (const auto& w : r.warnings) out.push_back(w.kind);
  return out;
}

pe::Error error_of(const std::string& text) {
  const auto r = pe::read_rope_config(text, pe::kUnset);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE(
    "a Llama 3.1 config reads as the explicit llama3 scaling, with the older-loader warning") {
  // meta-llama/Llama-3.1-8B's config.json, its RoPE keys.
  const auto r = pe::read_rope_config(R"({"model_type": "llama", "hidden_size": 4096,
    "num_attention_heads": 32, "max_position_embeddings": 131072, "rope_theta": 500000.0,
    "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
    "original_max_position_embeddings": 8192, "rope_type": "llama3"}})",
                                      pe::kUnset);
  REQUIRE(r.ok());
  const auto& main = r.value().main();
  CHECK(main.head_dim == 128);
  CHECK(main.rotary_dim == 128);
  CHECK(main.theta == 500000);
  CHECK(main.rope_type == "llama3");
  pe::RopeSpec spec;
  spec.head_dim = spec.rotary_dim = 128;
  spec.theta = 500000;
  pe::RopeScaling s;
  s.type = pe::RopeScalingType::llama3;
  s.factor = 8;
  s.low_freq_factor = 1;
  s.high_freq_factor = 4;
  s.original_max_position_embeddings = 8192;
  pe::RopeContext c;
  c.max_position_embeddings = 131072;
  const auto explicit_call = pe::scaled_rope(spec, s, c);
  REQUIRE(explicit_call.ok());
  CHECK(main.scaled.inv_freq == explicit_call.value().inv_freq);
  CHECK(kinds_of(r.value()) == std::vector<std::string>{"warn_llama3_dropped"});
  CHECK(main.scaling.get("factor")->number == 8);
}

TEST_CASE("errors name the config key the value came from, with the formula where it is derived") {
  struct Case {
    const char* config;
    const char* parameter;
    const char* text;
  };
  const Case cases[] = {
      {R"({"model_type": "llama", "head_dim": 128, "rope_theta": -1})", "rope_theta",
       "rope_theta must be a finite number greater than 1; got -1"},
      {R"({"model_type": "llama", "head_dim": 128, "partial_rotary_factor": 0.01})",
       "partial_rotary_factor",
       "head_dim \u00d7 partial_rotary_factor (128 \u00d7 0.01 \u2192 1) must be an integer from "
       "2"},
      {R"({"model_type": "llama", "head_dim": 128, "rotary_pct": 0.01})", "rotary_pct",
       "head_dim \u00d7 rotary_pct (128 \u00d7 0.01 \u2192 1)"},
      {R"({"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 4096})",
       "hidden_size", "hidden_size / num_attention_heads (4096 / 4096 \u2192 1)"},
      {R"({"model_type": "llama", "head_dim": 128, "max_position_embeddings": 2e9})",
       "max_position_embeddings", "max_position_embeddings must be an integer"},
      {R"({"model_type": "llama"})", "head_dim",
       "head_dim is required (or hidden_size and num_attention_heads)"},
      {R"({"model_type": "llama", "head_dim": "128"})", "head_dim",
       "head_dim must be a number; got \"128\""},
      {R"({"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"rope_type": "yarn", "factor": 0.5}})",
       "factor", "factor must be a finite number of at least 1; got 0.5"},
      {R"({"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"rope_type": 4}})", "rope_type",
       "rope_type must be a string; got 4"},
      {R"({"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"rope_type": "longrope",
         "factor": 2, "short_factor": [1], "long_factor": [1, "x"]}})",
       "long_factor", "long_factor[1] must be a number; got \"x\""},
      {R"({"rope_theta": 1e4, "head_dim": 64, "rope_scaling": [1]})", "rope_scaling",
       "rope_scaling must be an object"},
      {R"({"model_type": "bert", "hidden_size": 768})", "jsonText",
       "this config has no RoPE: no rope_theta, rope_scaling or rope_parameters, and model_type "
       "bert is not a RoPE family"},
      {"[1]", "jsonText", "jsonText must be an object like"},
      {R"({"rope_theta": )", "jsonText", "jsonText is not valid JSON: line 1, column 16"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.config);
    const auto e = error_of(c.config);
    CHECK(e.parameter == c.parameter);
    CHECK_MESSAGE(e.message.find(c.text) == 0, e.message);
    CHECK_FALSE(pe_test::has_placeholder(e.message));
  }
}

TEST_CASE("a config over the size cap is refused before it is read") {
  const std::string big = "{\"pad\": \"" + std::string(pe::kMaxConfigBytes, 'x') + "\"}";
  const auto e = error_of(big);
  CHECK(e.kind == "text_cap");
  CHECK(e.code == pe::ErrorCode::size_limit);
}

TEST_CASE("each warning comes where the library's reading differs from a naive one") {
  const auto kinds = [](const char* text, double sequence_length = pe::kUnset) {
    const auto r = pe::read_rope_config(text, sequence_length);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    return kinds_of(r.value());
  };
  using V = std::vector<std::string>;
  // LlamaConfig's max_position_embeddings (2048) and the library's θ 10000, both defaults.
  CHECK(kinds(R"({"model_type": "llama", "head_dim": 64})") ==
        V{"warn_class_default", "warn_default_theta"});
  CHECK(kinds(R"({"text_config": {"rope_theta": 1e6, "head_dim": 64}})") == V{"warn_text_config"});
  CHECK(
      kinds(
          R"({"head_dim": 64, "rope_parameters": {"rope_type": "default", "rope_theta": 1e6}})") ==
      V{"warn_theta_inside"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "rope_parameters": {"rope_theta": 1e6}})") ==
        V{"warn_theta_twice"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "linear",
               "factor": 2, "extra": 1}})") == V{"warn_unknown_key"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 32768,
               "rope_scaling": {"type": "yarn", "factor": 4, "original_max_position_embeddings": 32768}})") ==
        V{"warn_legacy_type", "warn_yarn_ratio"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 4096,
               "rope_scaling": {"rope_type": "yarn", "factor": 4}})") == V{"warn_yarn_original"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 4096,
               "rope_scaling": {"rope_type": "dynamic", "factor": 2}})") ==
        V{"warn_dynamic_cache"});
  CHECK(kinds(R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "ntk",
               "factor": 2}})") == V{"warn_ntk"});
  std::string ones = "[1";
  for (int k = 1; k < 32; ++k) ones += ",1";
  ones += ']';
  const std::string su = R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 131072,
    "original_max_position_embeddings": 4096, "rope_scaling": {"type": "su", "short_factor": )" +
                         ones + ", \"long_factor\": " + ones + "}}";
  CHECK(kinds(su.c_str()) == V{"warn_legacy_type", "warn_su"});
  // DeepSeek-V3: factor 163840 / 4096 = 40, equal mscales (ratio 1), and the softmax scale its
  // attention code squares in: (0.1 ln 40 + 1)^2.
  const auto r = pe::read_rope_config(R"({"model_type": "deepseek_v3", "qk_rope_head_dim": 64,
    "max_position_embeddings": 163840, "rope_theta": 10000, "rope_scaling": {"beta_fast": 32,
    "beta_slow": 1, "factor": 40, "mscale": 1.0, "mscale_all_dim": 1.0,
    "original_max_position_embeddings": 4096, "type": "yarn"}})",
                                      pe::kUnset);
  REQUIRE(r.ok());
  CHECK(r.value().main().scaled.factor_used == 40);
  CHECK(r.value().main().scaled.attention_scaling == 1);
  const auto& w = r.value().warnings.back();
  CHECK(w.kind == "warn_mscale_all_dim");
  CHECK(std::get<double>(w.args[1].value) ==
        doctest::Approx(std::pow(0.1 * std::log(40.0) + 1, 2)).epsilon(1e-5));
}

TEST_CASE("the multimodal keys mrope_section and mrope_interleaved are read, not warned about") {
  // The keys as Qwen2-VL-7B-Instruct's and Qwen3-VL-8B-Instruct's config.json hold them;
  // Qwen2VLConfig rewrites the legacy type "mrope" to "default" (configuration_qwen2_vl.py).
  const auto qwen2 = pe::read_rope_config(R"({"model_type": "qwen2_vl", "hidden_size": 3584,
    "num_attention_heads": 28, "rope_theta": 1000000,
    "rope_scaling": {"type": "mrope", "mrope_section": [16, 24, 24]}})",
                                          pe::kUnset);
  REQUIRE_MESSAGE(qwen2.ok(), qwen2.error().message);
  CHECK(qwen2.value().main().rope_type == "default");
  CHECK(qwen2.value().main().mrope_section == std::vector<double>{16, 24, 24});
  CHECK_FALSE(qwen2.value().main().mrope_interleaved);
  CHECK(qwen2.value().warnings.empty());
  const auto qwen3 = pe::read_rope_config(R"({"model_type": "qwen3_vl", "text_config": {
    "head_dim": 128, "rope_theta": 5000000, "rope_scaling": {"mrope_interleaved": true,
    "mrope_section": [24, 20, 20], "rope_type": "default"}}})",
                                          pe::kUnset);
  REQUIRE_MESSAGE(qwen3.ok(), qwen3.error().message);
  CHECK(qwen3.value().main().mrope_section == std::vector<double>{24, 20, 20});
  CHECK(qwen3.value().main().mrope_interleaved);
  const std::string json = pe::rope_config_json(qwen3.value());
  CHECK(json.find(R"("mropeSection": [24, 20, 20], "mropeInterleaved": true)") !=
        std::string::npos);
  CHECK(error_of(R"({"head_dim": 64, "rope_scaling": {"type": "mrope", "mrope_section": "x"}})")
            .parameter == "mrope_section");
  CHECK(error_of(R"({"head_dim": 64, "rope_scaling": {"mrope_interleaved": 1}})").kind ==
        "not_boolean");
}

TEST_CASE("the query scale follows Llama 4's temperature formula, 1 without one") {
  CHECK(pe::query_scale(pe::kUnset, pe::kUnset, 5).value() == 1);
  // log(floor((p + 1) / 8192) + 1) * 0.1 + 1: 1 below position 8191, then steps.
  CHECK(pe::query_scale(8192, 0.1, 8190).value() == 1);
  CHECK(pe::query_scale(8192, 0.1, 8191).value() == doctest::Approx(0.1 * std::log(2.0) + 1));
  CHECK(pe::query_scale(8192, 0.1, 100000).value() == doctest::Approx(0.1 * std::log(13.0) + 1));
  CHECK(pe::query_scale(8192, 0.1, -1).error().parameter == "position");
  CHECK(pe::query_scale(0, 0.1, 1).error().parameter == "floor_scale");
}

namespace {

struct ModelType {
  const char* name;
  bool rope;
  const char* rope_type;
  double theta;
  int head_dim, rotary_dim;
  const char* rotated_slice;
  const char* pairing;
  const char* attention;
  double window, attention_scaling;
  std::vector<double> inv_freq, inv_freq_long;
  double long_from;
};

struct ModelRun {
  const char* name;
  int count;
};

struct ModelCase {
  const char* slug;
  const char* config;
  std::vector<ModelRun> layers;
  std::vector<ModelType> types;
  double floor_scale, attn_scale;
};

using pe::kUnset;
const ModelCase kModels[] = {
#include "models_reference.inc"
};

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

// invFreq of expected.json is float32 (the library computes in float32; the engine in float64):
// the two agree to float32's rounding, 3.3e-7 relative at worst over the gallery.
void check_frequencies(const std::vector<double>& got, const std::vector<double>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    if (want[i] == 0) {
      CHECK(got[i] == 0);  // proportional's pairs that never turn
    } else {
      CHECK(std::fabs(got[i] - want[i]) <= 1e-6 * want[i]);
    }
  }
}

}  // namespace

TEST_CASE("every gallery config reads per layer as transformers' own code computes it") {
  // tests/reference/models/: 26 published configs, and what huggingface/transformers @ c49429ed1f8b
  // computes from them (Gemma 3 sliding and full θ and scaling, Gemma 4 proportional, Llama 4 NoPE,
  // chunks and temperature, GPT-OSS YaRN untruncated, DeepSeek-V3's last slice and interleaved
  // pairs, Qwen3.5's partial rotary and linear layers, Phi-4 mini's longrope with partial rotary,
  // ...).
  CHECK(std::size(kModels) >= 24);
  for (const auto& m : kModels) {
    CAPTURE(m.slug);
    const auto r = pe::read_rope_config(m.config, kUnset);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    const auto& reading = r.value();
    std::vector<std::string> layers;
    for (const auto& run : m.layers) layers.insert(layers.end(), std::size_t(run.count), run.name);
    CHECK(reading.layers == layers);
    REQUIRE(reading.layer_types.size() == m.types.size());
    for (const auto& want : m.types) {
      CAPTURE(want.name);
      const auto got = std::find_if(reading.layer_types.begin(), reading.layer_types.end(),
                                    [&](const auto& t) { return t.name == want.name; });
      REQUIRE(got != reading.layer_types.end());
      CHECK(got->rope == want.rope);
      CHECK(got->head_dim == want.head_dim);
      CHECK(got->rotary_dim == want.rotary_dim);
      CHECK(std::string(got->rotate_last ? "last" : "first") == want.rotated_slice);
      CHECK(pe::to_string(got->pairing) == want.pairing);
      CHECK(got->attention == want.attention);
      CHECK(same(got->window, want.window));
      if (!want.rope) continue;
      CHECK(got->rope_type == want.rope_type);
      CHECK(got->theta == want.theta);
      CHECK(got->scaled.attention_scaling ==
            doctest::Approx(want.attention_scaling).epsilon(1e-12));
      check_frequencies(got->scaled.inv_freq, want.inv_freq);
      if (!want.inv_freq_long.empty()) {  // longrope past the original length: long_factor
        const auto past = pe::read_rope_config(m.config, want.long_from + 1);
        REQUIRE(past.ok());
        const auto& t =
            *std::find_if(past.value().layer_types.begin(), past.value().layer_types.end(),
                          [&](const auto& x) { return x.name == want.name; });
        check_frequencies(t.scaled.inv_freq, want.inv_freq_long);
      }
    }
    CHECK(same(reading.floor_scale, m.floor_scale));
    CHECK(same(reading.attn_scale, m.attn_scale));
    // No "unknown key" warning for a key the library reads.
    for (const auto& w : reading.warnings) CHECK_MESSAGE(w.kind != "warn_unknown_key", w.message);
  }
}

TEST_CASE("the readings the library changed or refused before are read as it reads them now") {
  const auto read = [](const char* text) {
    const auto r = pe::read_rope_config(text, kUnset);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    return r.value();
  };
  // YaRN with factor 4 and lengths whose ratio is 1 (Qwen2.5's card): the newest library uses
  // factor (modeling_rope_utils.py @ c49429ed, _compute_yarn_parameters: the ratio only when factor
  // is None); v4.53.0 used the ratio. The warning says which.
  const auto qwen = read(R"({"model_type": "qwen2", "hidden_size": 3584, "num_attention_heads": 28,
    "max_position_embeddings": 32768, "rope_theta": 1e6, "rope_scaling": {"factor": 4.0,
    "original_max_position_embeddings": 32768, "type": "yarn"}})");
  CHECK(qwen.main().scaled.factor_used == 4);
  CHECK(qwen.main().scaled.attention_scaling == doctest::Approx(0.1 * std::log(4.0) + 1));
  CHECK(std::any_of(qwen.warnings.begin(), qwen.warnings.end(), [](const auto& w) {
    return w.kind == "warn_yarn_ratio" && w.message.find("v4.53.0") != std::string::npos;
  }));
  // MiniCPM's longrope: no factor, the lengths imply it (131072 / 4096 = 32).
  std::string list = "[1";
  for (int k = 1; k < 32; ++k) list += ",1";
  list += ']';
  const std::string minicpm =
      R"({"model_type": "minicpm3", "qk_rope_head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 131072,
      "rope_scaling": {"rope_type": "longrope", "original_max_position_embeddings": 4096,
      "short_factor": )" +
      list + ", \"long_factor\": " + list + "}}";
  const auto implied = read(minicpm.c_str());
  CHECK(implied.main().scaled.factor_used == 32);
  CHECK(implied.main().scaled.attention_scaling ==
        doctest::Approx(std::sqrt(1 + std::log(32.0) / std::log(4096.0))));
  // Qwen2.5-VL's legacy "mrope": default RoPE (configuration_qwen2_5_vl.py), not refused.
  const auto vl =
      read(R"({"model_type": "qwen2_5_vl", "hidden_size": 3584, "num_attention_heads": 28,
    "rope_theta": 1e6, "rope_scaling": {"type": "mrope", "mrope_section": [16, 24, 24]}})");
  CHECK(vl.main().rope_type == "default");
}

TEST_CASE("each layer type's JSON carries its own YaRN ramp and Llama 3 bands") {
  // GPT-OSS 20B: both layer types YaRN (the ramp of each, not only the first type's); Llama 3.1:
  // the bands; Gemma 3 1B: default RoPE, neither.
  const auto find = [](std::string_view slug) {
    return *std::find_if(std::begin(kModels), std::end(kModels),
                         [&](const ModelCase& m) { return m.slug == slug; });
  };
  for (const char* slug : {"gpt-oss-20b", "llama-3.1-8b", "gemma-3-1b"}) {
    CAPTURE(slug);
    const auto r = pe::read_rope_config(find(slug).config, kUnset);
    REQUIRE(r.ok());
    const auto json = pe::json::parse(pe::rope_config_json(r.value()), "json");
    REQUIRE(json.ok());
    const auto* types = json.value().get("layerTypes");
    REQUIRE(types != nullptr);
    for (const auto& t : r.value().layer_types) {
      CAPTURE(t.name);
      const auto* type = types->get(t.name);
      REQUIRE(type != nullptr);
      for (const auto& [key, low, high] :
           {std::tuple{"ramp", t.scaled.ramp_low, t.scaled.ramp_high},
            std::tuple{"wavelengths", t.scaled.wavelength_low, t.scaled.wavelength_high}}) {
        const auto* v = type->get(key);
        REQUIRE(v != nullptr);
        if (std::isnan(low)) {
          CHECK(v->is(pe::json::Type::null));
        } else {
          CHECK(v->get("low")->number == low);
          CHECK(v->get("high")->number == high);
        }
      }
    }
    if (std::string_view(slug) == "gpt-oss-20b") {
      for (const auto& t : r.value().layer_types) CHECK_FALSE(std::isnan(t.scaled.ramp_low));
    }
    if (std::string_view(slug) == "llama-3.1-8b") {
      CHECK(r.value().main().scaled.wavelength_low == 8192.0 / 4);
    }
  }
}

TEST_CASE("a config without max_position_embeddings takes its class's default, and says so") {
  // Gemma 3 4B's and 27B's text_config give none: Gemma3TextConfig's 131_072
  // (transformers @ c49429ed1f8b, models/gemma3/configuration_gemma3.py:85).
  for (const char* slug : {"gemma-3-4b", "gemma-3-27b"}) {
    CAPTURE(slug);
    const auto& m = *std::find_if(std::begin(kModels), std::end(kModels), [&](const ModelCase& x) {
      return std::string_view(x.slug) == slug;
    });
    const auto r = pe::read_rope_config(m.config, kUnset);
    REQUIRE(r.ok());
    CHECK(r.value().max_positions == 131072);
    CHECK(std::any_of(r.value().warnings.begin(), r.value().warnings.end(), [](const auto& w) {
      return w.kind == "warn_class_default" &&
             w.message.find("max_position_embeddings") != std::string::npos;
    }));
  }
  // A config that gives it keeps its own (Gemma 3 1B: 32768), without a warning about it.
  const auto& one = *std::find_if(std::begin(kModels), std::end(kModels), [](const ModelCase& x) {
    return std::string_view(x.slug) == "gemma-3-1b";
  });
  const auto r = pe::read_rope_config(one.config, kUnset);
  REQUIRE(r.ok());
  CHECK(r.value().max_positions == 32768);
  for (const auto& w : r.value().warnings)
    CHECK(w.message.find("max_position_embeddings") == std::string::npos);
}

TEST_CASE(
    "MiniCPM3 rotates the last qk_rope_head_dim of each head in half pairs, as MLA with "
    "rotate_half") {
  // huggingface/transformers @ c49429ed1f8b models/minicpm3/: modeling_minicpm3.py:327 splits q
  // into [qk_nope_head_dim, qk_rope_head_dim] and :338 rotates the second part with
  // apply_rotary_pos_emb (rotate_half, :206); configuration_minicpm3.py: qk_rope_head_dim 32,
  // qk_nope_head_dim 64, max_position_embeddings 32768 by default, and head_dim = qk_rope_head_dim
  // over the file's value.
  const auto r = pe::read_rope_config(
      R"({"model_type": "minicpm3", "num_hidden_layers": 3, "head_dim": 96, "rope_theta": 1e4})",
      kUnset);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  const auto& t = r.value().main();
  CHECK(r.value().layers == std::vector<std::string>(3, "full_attention"));
  CHECK(t.head_dim == 96);  // q_nope 64 + q_rope 32: the query/key head
  CHECK(t.rotary_dim == 32);
  CHECK(t.rotate_last);
  CHECK(t.pairing == pe::Pairing::half);
  CHECK(t.scaled.inv_freq.size() == 16);
  CHECK(r.value().max_positions == 32768);
  const auto said = [&](const char* kind, const char* key) {
    return std::any_of(r.value().warnings.begin(), r.value().warnings.end(), [&](const auto& w) {
      return w.kind == kind && w.message.find(key) != std::string::npos;
    });
  };
  CHECK(said("warn_ignored_key", "head_dim"));
  CHECK(said("warn_class_default", "qk_rope_head_dim"));
  CHECK(said("warn_class_default", "qk_nope_head_dim"));
  // A rope_interleave key is DeepSeek's: MiniCPM3 pairs halves whatever it says.
  const auto keyed = pe::read_rope_config(
      R"({"model_type": "minicpm3", "qk_rope_head_dim": 32, "rope_interleave": true})", kUnset);
  REQUIRE(keyed.ok());
  CHECK(keyed.value().main().pairing == pe::Pairing::half);
  // DeepSeek-V3 keeps its defaults (64 + 128, interleaved).
  const auto deepseek = pe::read_rope_config(R"({"model_type": "deepseek_v3"})", kUnset);
  REQUIRE(deepseek.ok());
  CHECK(deepseek.value().main().head_dim == 192);
  CHECK(deepseek.value().main().pairing == pe::Pairing::interleaved);
}
