// Errors as data: the one table of message templates, and that every error the core gives is
// complete (a kind from the table, every placeholder filled, the parameter named).
#include "pe/error.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "pe/analysis.hpp"
#include "pe/colormap.hpp"
#include "pe/concepts.hpp"
#include "pe/export.hpp"
#include "pe/schemes.hpp"
#include "pe/sinusoidal.hpp"
#include "reference.hpp"
#include "rope/rope.hpp"
#include "rope/rope_scaling.hpp"
#include "rope_config/rope_config.hpp"

namespace {

pe::Spec make(int d_model, int positions) {
  pe::SinusoidalOptions o;
  o.d_model = d_model;
  o.positions = positions;
  return pe::make_spec(o).value();
}

// Every error the core can produce, one or more per check (a sweep of bad inputs).
std::vector<pe::Error> every_core_error() {
  std::vector<pe::Error> out;
  auto add = [&](const auto& result) {
    REQUIRE_FALSE(result.ok());
    out.push_back(result.error());
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  pe::SinusoidalOptions o;
  o.d_model = 0;
  add(pe::make_spec(o));
  o = {};
  o.base = 1;
  add(pe::make_spec(o));
  o = {};
  o.layout = "diagonal";
  add(pe::make_spec(o));
  o = {};
  o.frequencies = "fast";
  add(pe::make_spec(o));
  o = {};
  o.start = 1e9;
  o.positions = 2;
  add(pe::make_spec(o));
  o = {};
  o.d_model = 8192;
  o.positions = 4096;
  add(pe::make_spec(o));
  const auto spec = make(8, 4);
  add(pe::vector_at(spec, -1));
  add(pe::columns_of(spec, std::vector<double>{}));
  add(pe::columns_of(spec, std::vector<double>{8}));
  add(pe::dot_by_offset(spec, 0, 0));
  add(pe::dot_by_offset(make(8192, 2), 0, 1 << 20));
  add(pe::check_gram(make(2, 4096)));
  add(pe::check_gram(make(8192, 2048)));
  add(pe::rotation_residual(spec, 1, -2));
  std::vector<float> small(3);
  std::vector<std::uint8_t> pixels(4);
  add(pe::sinusoidal_into(spec, small));
  add(pe::parse_color_map("jet"));
  add(pe::check_range(nan, 1));
  add(pe::check_range(1, 1));
  add(pe::colorize(small, pe::ColorMap::viridis, -1, 1, pixels));
  add(pe::render_matrix(small, 2, 2, {0, 2, 0, 2}, 1, 1, pe::ColorMap::viridis, -1, 1, pixels));
  add(pe::render_matrix(std::vector<float>(4), 2, 2, {1, 2, 0, 2}, 1, 1, pe::ColorMap::viridis, -1,
                        1, pixels));
  add(pe::render_matrix(std::vector<float>(4), 2, 2, {0, 2, 0, 2}, 0, 1, pe::ColorMap::viridis, -1,
                        1, pixels));
  add(pe::check_pixels(16384, 16384));
  add(pe::make_learned(64, 0, 1));
  add(pe::make_learned(8192, 8192, 1));
  add(pe::learned_row(pe::make_learned(8, 4, 1).value(), 4));
  add(pe::tokenize(std::string(5000, 'a')));
  add(pe::tokenize("\xff"));
  add(pe::token_embeddings({"a"}, 8, -1));
  add(pe::token_embeddings(std::vector<std::string>(65, "a"), 8, 1));
  add(pe::input_vectors({"a", "b"}, spec, 1, true));
  add(pe::parse_projection("tsne"));
  std::vector<float> values(8, 1.0f);
  values[5] = float(inf);
  add(pe::project(values, 4, 2, pe::Projection::pca));
  add(pe::project(std::vector<float>(256 * 2048), 256, 2048, pe::Projection::pca));
  add(pe::project(values, 3, 2, pe::Projection::pca));
  add(pe::closest_positions(make(8, 1)));
  add(pe::wrong_exponent_columns(spec, std::vector<double>{}));
  add(pe::columns_of(make(16, 1 << 20), std::vector<double>(9, 0.0)));
  add(pe::parse_format("xlsx"));
  add(pe::check_export_size(pe::Format::csv, double(pe::kMaxTextExportValues) + 1, "positions"));
  pe::RopeOptions rope;
  rope.head_dim = 7;
  add(pe::make_rope_spec(rope));
  {  // RoPE scaling: required per type, at least 1, ordered pairs of parameters
    pe::RopeOptions ro;
    ro.head_dim = 8;
    const auto head = pe::make_rope_spec(ro).value();
    pe::RopeScaling s;
    s.type = pe::RopeScalingType::linear;
    add(pe::scaled_rope(head, s, {}));  // required_for
    s.factor = 0.5;
    add(pe::scaled_rope(head, s, {}));  // at_least
    s.type = pe::RopeScalingType::llama3;
    s.factor = 2;
    s.low_freq_factor = 2;
    s.high_freq_factor = 1;
    s.original_max_position_embeddings = 64;
    add(pe::scaled_rope(head, s, {}));  // greater_than_other
    ro.head_dim = 2;
    s = {};
    s.type = pe::RopeScalingType::ntk;
    s.factor = 2;
    add(pe::scaled_rope(pe::make_rope_spec(ro).value(), s, {}));  // at_least_for
  }
  // The folder schemes (cpp/schemes/<name>/), found through pe::schemes() as pe-export finds them:
  // every parameter of each one's table, one at a time, at bad values (not a number, outside its
  // range, a fraction, the value after its minimum for a step or parity rule, a choice it does not
  // have, a bad list or text), the others at their defaults (a required one at its minimum). What
  // the scheme refuses is collected; what it accepts is not an error.
  for (const auto& scheme : pe::schemes()) {
    if (!scheme.table) continue;
    pe::ParameterValues defaults;
    for (const auto& p : scheme.parameters) {
      const bool numeric =
          p.type == pe::ParameterType::integer || p.type == pe::ParameterType::number;
      if (numeric)
        defaults.numbers[std::string(p.core)] = std::isnan(p.fallback) ? p.min : p.fallback;
      else
        defaults.texts[std::string(p.core)] = std::string(p.choice);
    }
    for (const auto& p : scheme.parameters) {
      const std::string core(p.core);
      std::vector<pe::ParameterValues> tries;
      if (p.type == pe::ParameterType::integer || p.type == pe::ParameterType::number) {
        for (const double bad : {nan, -inf, p.min - 1, p.max * 2 + 1, p.min + 0.5, p.min + 1}) {
          tries.push_back(defaults);
          tries.back().numbers[core] = bad;
        }
      } else {
        for (const char* bad : {"bogus", "", "1,x", "1,2,3"}) {
          tries.push_back(defaults);
          tries.back().texts[core] = bad;
        }
      }
      for (const auto& given : tries) {
        auto made = scheme.table(given);
        if (!made.ok()) out.push_back(made.error());
      }
    }
  }
  // A model's config (rope_config/rope_config.hpp): the types of its values, and the text itself.
  for (const char* config : {
           "{\"rope_theta\": ",
           "[]",
           R"({"model_type": "bert"})",
           R"({"model_type": "llama"})",
           R"({"head_dim": "x", "rope_theta": 1e4})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": 1}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "yarn",
              "truncate": 1}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "longrope",
              "short_factor": 1}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "longrope",
              "short_factor": [null]}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "num_hidden_layers": 1,
              "layer_types": ["mamba"]})",
       }) {
    add(pe::read_rope_config(config, std::numeric_limits<double>::quiet_NaN()));
  }
  return out;
}

// The warnings a config reading gives (data, like errors: a kind of the table and its values).
std::set<std::string> every_config_warning() {
  std::set<std::string> out;
  for (const char* config : {
           R"({"model_type": "llama", "head_dim": 64})",
           R"({"text_config": {"rope_theta": 1e6, "head_dim": 64}})",
           R"({"head_dim": 64, "rope_parameters": {"rope_theta": 1e6}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_parameters": {"rope_theta": 1e6, "x": 1}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 8192, "rope_scaling":
              {"type": "yarn", "factor": 4, "original_max_position_embeddings": 4096,
              "mscale": 1, "mscale_all_dim": 1}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 8192,
              "rope_scaling": {"rope_type": "yarn", "factor": 4}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "llama3",
              "factor": 8, "low_freq_factor": 1, "high_freq_factor": 4,
              "original_max_position_embeddings": 8192}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 8192,
              "rope_scaling": {"rope_type": "dynamic", "factor": 2}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "ntk",
              "factor": 2}})",
           R"({"head_dim": 4, "rope_theta": 1e4, "max_position_embeddings": 8192,
              "original_max_position_embeddings": 4096, "rope_scaling": {"type": "su",
              "short_factor": [1, 1], "long_factor": [2, 2]}})",
           // a class default, a key the class ignores, llama3's step, YaRN's equal betas
           R"({"model_type": "gemma3_text", "hidden_size": 64})",
           R"({"model_type": "cohere2", "hidden_size": 64, "num_attention_heads": 1,
              "rope_theta": 1e4, "layer_switch": 4})",
           R"({"head_dim": 64, "rope_theta": 1e4, "rope_scaling": {"rope_type": "llama3",
              "factor": 8, "low_freq_factor": 1, "high_freq_factor": 1,
              "original_max_position_embeddings": 8192}})",
           R"({"head_dim": 64, "rope_theta": 1e4, "max_position_embeddings": 8192,
              "rope_scaling": {"rope_type": "yarn", "factor": 4, "beta_fast": 1, "beta_slow": 1,
              "original_max_position_embeddings": 2048}})",
       }) {
    const auto r = pe::read_rope_config(config, std::numeric_limits<double>::quiet_NaN());
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    for (const auto& w : r.value().warnings) {
      CHECK_FALSE(pe_test::has_placeholder(w.message));
      out.insert(w.kind);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every message template has a unique kind and only known placeholders") {
  const std::set<std::string> known = {
      "name", "min", "max", "got", "allowed", "low", "high", "index", "expected", "rows", "cols",
      "other", "last", "row0", "row_end", "col0", "col_end", "at", "mib", "width", "height", "what",
      "example", "step", "limit", "type", "reason", "key", "theta", "inner", "top", "ratio",
      "factor", "extra", "alternative", "class", "value", "wavelength", "beta",
      // identify (cpp/schemes/identify): file fields and findings
      "size", "need", "format", "first", "second", "begin", "end", "count", "names", "fix", "want",
      "wantFactor", "gotBase", "wantBase", "zeros", "row", "resolution", "otherBase", "base",
      "tolerance", "best", "error"};
  std::set<std::string> kinds;
  std::vector<pe::MessageTemplate> all(pe::message_templates().begin(),
                                       pe::message_templates().end());
  all.insert(all.end(), pe::scheme_message_templates().begin(),
             pe::scheme_message_templates().end());
  for (const auto& t : all) {
    CHECK_MESSAGE(kinds.insert(std::string(t.kind)).second, "duplicate kind ", t.kind);
    for (std::size_t at = t.text.find('{'); at != std::string_view::npos;
         at = t.text.find('{', at + 1)) {
      const auto close = t.text.find('}', at);
      REQUIRE(close != std::string_view::npos);
      CHECK_MESSAGE(known.count(std::string(t.text.substr(at + 1, close - at - 1))) == 1,
                    "unknown placeholder in ", t.kind);
    }
  }
}

TEST_CASE("an error carries its kind, its parameter and its numbers, and the English text") {
  pe::SinusoidalOptions o;
  o.d_model = 0;
  const auto error = pe::make_spec(o).error();
  CHECK(error.kind == "integer_range");
  CHECK(error.parameter == "d_model");
  CHECK(error.code == pe::ErrorCode::invalid_argument);
  REQUIRE(error.args.size() == 3);
  CHECK(error.args[0].name == "min");
  CHECK(std::get<double>(error.args[0].value) == 1);
  CHECK(std::get<double>(error.args[1].value) == 8192);
  CHECK(std::get<double>(error.args[2].value) == 0);
  CHECK(error.message == "d_model must be an integer from 1 to 8192; got 0");
}

TEST_CASE("every error the core produces is complete: known kind, placeholders filled, named") {
  std::set<std::string> kinds;
  for (const auto& t : pe::message_templates()) kinds.insert(std::string(t.kind));
  for (const auto& t : pe::scheme_message_templates()) kinds.insert(std::string(t.kind));
  std::set<std::string> produced;
  for (const auto& error : every_core_error()) {
    CAPTURE(error.message);
    CHECK(kinds.count(error.kind) == 1);
    CHECK_FALSE(pe_test::has_placeholder(error.message));
    CHECK_FALSE(error.parameter.empty());
    produced.insert(error.kind);
  }
  for (const auto& kind : every_config_warning()) produced.insert(kind);
  // The rest of the table belongs to the JS API's type checks and the bindings (tested in
  // tests/web/reliability.test.mjs); together they use every template, so none is dead text.
  const std::set<std::string> outside_the_core = {
      "unknown_key", "required", "not_in_build", "target_length", "out_of_memory",
      // the JS API's edge: a defect caught there (api.post.js, peApi)
      "internal",
      // multimodal RoPE's checks of a whole prompt's segments, produced in
      // cpp/schemes/mrope/mrope_test.cpp (the sweep above changes one parameter at a time)
      "sum_mismatch", "tokens_cap", "position_id_cap",
      // identify's readers and findings, each produced in cpp/schemes/identify/identify_test.cpp
      // ("every message kind of identify is produced")
      "file_kind", "file_short", "file_field", "file_overlap", "header_cap", "table_dims",
      "tensor_choice", "tensor_missing", "bfloat16_flag", "against_kind", "id_pairing", "id_theta",
      "id_scaling_missing", "id_scaling_extra", "id_scaling_differs", "id_offset", "id_layout",
      "id_frequencies", "id_base", "id_odd", "id_precision", "id_inv_freq_rounded", "id_rows_stop",
      "id_zero_rows", "id_few_rows", "id_same_table", "id_attention_scaling", "id_undetermined",
      "id_no_match"};
  for (const auto& kind : kinds) {
    CHECK_MESSAGE(produced.count(kind) + outside_the_core.count(kind) == 1, kind);
  }
}

TEST_CASE("format_message fills numbers the shortest exact way and text as given") {
  const std::vector<pe::MessageArg> args = {{"min", 0.5}, {"got", std::string("x")}};
  CHECK(pe::format_message("{name}: {min} / {got} / {max}", "p", args) == "p: 0.5 / x / {max}");
  CHECK(pe::format_number(1e9) == "1000000000");
  CHECK(pe::format_number(std::numeric_limits<double>::quiet_NaN()) == "NaN");
}

TEST_CASE("the colour range names the parameter at fault, not an internal name") {
  CHECK(pe::check_range(std::nan(""), 1).error().parameter == "low");
  CHECK(pe::check_range(0, std::numeric_limits<double>::infinity()).error().parameter == "high");
  CHECK(pe::check_range(2, 1).error().parameter == "high");
}

TEST_CASE("work caps: dot products, pixels and the projection are refused above them") {
  const auto spec = make(8192, 2);  // 4096 pairs
  CHECK(pe::dot_by_offset(spec, 0, double(pe::kMaxDotWork / 4096)).ok());
  const auto over = pe::dot_by_offset(spec, 0, double(pe::kMaxDotWork / 4096) + 1);
  CHECK(over.error().code == pe::ErrorCode::size_limit);
  CHECK(over.error().parameter == "count");
  CHECK(pe::check_pixels(4096, 4096).ok());
  CHECK(pe::check_pixels(4096, 4097).error().code == pe::ErrorCode::size_limit);
  CHECK(pe::project(std::vector<float>(257 * 2), 257, 2, pe::Projection::pca).error().kind ==
        "integer_range");
}

TEST_CASE("every image size is an integer from 1 to kMaxImageSide, checked before any cast") {
  // Issue 19: NaN, -Infinity, 0, 1.5 and negative sizes reached renderRopeTable and renderAlibi,
  // whose bindings cast them to int (NaN became INT_MIN in wasm, a std::vector of that size threw a
  // C++ exception through JavaScript as a bare number).
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const double bad : {nan, -inf, inf, 0.0, -5.0, 1.5, double(pe::kMaxImageSide) + 1}) {
    CAPTURE(bad);
    const auto w = pe::check_pixels(bad, 240);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().parameter == "width");
    CHECK(w.error().kind == "integer_range");
    const auto h = pe::check_pixels(320, bad);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().parameter == "height");
  }
  CHECK(pe::check_pixels(1, 1).ok());
  CHECK(pe::check_pixels(pe::kMaxImageSide, 1).ok());
}

TEST_CASE("non-finite values are refused by the projection, and the eigensolver stops on NaN") {
  std::vector<float> values(64 * 8, 0.5f);
  for (std::size_t k = 0; k < values.size(); ++k) values[k] = float(std::sin(double(k)));
  values[100] = std::numeric_limits<float>::quiet_NaN();
  const auto refused = pe::project(values, 64, 8, pe::Projection::pca);
  CHECK(refused.error().parameter == "values");
  CHECK(refused.error().kind == "not_finite");
  CHECK(refused.error().message == "values must hold finite numbers; got NaN at index 100");
  // The solver itself, handed NaN directly: it returns (bounded sweeps, NaN-proof convergence
  // test).
  std::vector<double> matrix(64 * 64, 1.0);
  matrix[5] = matrix[64 * 5] = std::numeric_limits<double>::quiet_NaN();
  const auto eigen = pe::symmetric_eigen(matrix, 64);
  CHECK(eigen.values.size() == 64);
}
