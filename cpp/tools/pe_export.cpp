// pe-export: writes a position-encoding table as .npy, .csv or .json, for every scheme the engine
// has. Same engine, same checks and same messages as the web page. Its flags are generated from the
// scheme table (pe/schemes.hpp): --head-dim is the API's headDim. Bad arguments: message on
// stderr, exit 2.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pe/export.hpp"
#include "pe/schemes.hpp"
#include "pe/sinusoidal.hpp"
#include "rope/rope.hpp"
#include "rope_config/rope_config.hpp"
// The identify folder (cpp/schemes/identify): pe-export --identify.
#include "../schemes/identify/identify.hpp"

namespace {

// headDim -> --head-dim
std::string flag_of(std::string_view name) {
  std::string flag = "--";
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') {
      flag += '-';
      flag += static_cast<char>(c - 'A' + 'a');
    } else {
      flag += c;
    }
  }
  return flag;
}

void usage(std::ostream& out) {
  out << "Usage: pe-export [--scheme S] [scheme options] [--format F] [--output PATH]\n\n"
         "Writes a position-encoding table, float32, C order. Shapes (.npy):\n"
         "  sinusoidal  (positions, d_model)\n";
  for (const auto& scheme : pe::schemes()) {
    if (scheme.shape.empty()) continue;
    std::string name(scheme.name);
    name.resize(std::max<std::size_t>(name.size(), 11), ' ');
    out << "  " << name << " " << scheme.shape << "\n";
  }
  out << "CSV holds the 2-D tables (more dimensions: .npy only); JSON is for sinusoidal.\n\n";
  for (const auto& scheme : pe::schemes()) {
    out << "--scheme " << scheme.name << ": " << scheme.summary << "\n";
    for (const auto& p : scheme.parameters) {
      std::string flag = flag_of(p.name);
      flag.resize(std::max<std::size_t>(flag.size(), 16), ' ');
      out << "  " << flag << " " << p.help;
      if (p.type == pe::ParameterType::choice) {
        out << " (" << p.choices << "; default " << p.choice << ")";
      } else if (p.type == pe::ParameterType::boolean) {
        out << " (true|false; default " << p.choice << ")";
      } else if (p.type == pe::ParameterType::list || p.type == pe::ParameterType::text) {
        out << " (default " << p.choice << ")";
      } else if (std::isnan(p.fallback)) {
        out << " (required)";
      } else if (p.fallback >= 0) {
        out << " (default " << pe::format_number(p.fallback) << ")";
      }
      out << "\n";
    }
  }
  out << "\n  --format F      npy | csv | json; default: from the output's extension, else csv\n"
         "  --output PATH   file to write; - or absent: standard output\n"
         "  --help          this text\n\n"
         "Example: pe-export --scheme rope --head-dim 128 --positions 4096 --output rope.npy\n\n"
         "A model's config.json, read as transformers reads it (the page's pe.ropeFromConfig):\n"
         "  pe-export --config config.json [--sequence-length N] [--layer-type NAME]\n"
         "            [--positions N] [--start S] [--output tables.npy] [--json]\n"
         "  prints the reading (fields per layer type, warnings; --json: as the JS API returns "
         "it)\n"
         "  and, with --output, writes the cos and sin tables of a layer type (default: the first\n"
         "  that rotates) as .npy, float32 (2, positions, rotary_dim): [0] cos, [1] sin, Hugging\n"
         "  Face's cat(freqs, freqs) layout times the attention scaling (positions default 4096,\n"
         "  or max_position_embeddings if smaller).\n\n"
         "Which convention made a table (the page's pe.identifyTable):\n"
         "  pe-export --identify table.npy|table.safetensors [--tensor NAME] [--bfloat16 true]\n"
         "            [--config config.json [--layer-type NAME] | --against JSON] [--json]\n"
         "  names its kind, the engine's options that rebuild it (best, candidates), what departs\n"
         "  from the config's layer type or from --against (sinusoidal options as JSON), and the\n"
         "  first differing cell. --bfloat16 true reads .npy uint16 data as bfloat16 bits.\n";
}

int fail(const std::string& message) {
  std::cerr << "pe-export: " << message << "\nRun 'pe-export --help' for usage.\n";
  return 2;
}

// Parses a whole string as a number; "abc", "12x" and "" are not numbers.
std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return value;
}

// "sinusoidal, alibi, ...": every scheme of the table (the folders by name).
std::string scheme_names() {
  std::string names;
  for (const auto& scheme : pe::schemes())
    names += (names.empty() ? "" : ", ") + std::string(scheme.name);
  return names;
}

// Writes the file's bytes; 1 (with a message) if that fails.
int write_out(std::ostream& out, const std::string& output, const char* bytes, std::size_t size) {
  out.write(bytes, static_cast<std::streamsize>(size));
  out.flush();
  if (!out) {
    std::cerr << "pe-export: writing " << output << " failed\n";
    return 1;
  }
  return 0;
}

// --- pe-export --config: a model's config.json --------------------------------------------------

std::string or_none(double x) {
  return std::isnan(x) ? "none" : pe::format_number(x);
}

// The reading for a person: the layers, each layer type, the warnings.
std::string reading_text(const pe::RopeConfigReading& r) {
  std::ostringstream out;
  out << "layers: " << r.layers.size();
  for (std::size_t k = 0; k < r.layers.size();) {  // runs: full_attention x3, sliding_attention x1
    std::size_t end = k;
    while (end < r.layers.size() && r.layers[end] == r.layers[k]) ++end;
    out << (k ? ", " : " (") << r.layers[k] << " x" << (end - k);
    k = end;
  }
  out << (r.layers.empty() ? "\n" : ")\n");
  out << "max_position_embeddings: " << or_none(r.max_positions)
      << "\noriginal_max_position_embeddings: " << or_none(r.original_max_positions) << "\n";
  for (const auto& t : r.layer_types) {
    out << "layer type " << t.name << ": attention " << t.attention << ", window "
        << or_none(t.window) << "\n";
    if (!t.rope) {
      out << "  no RoPE (NoPE): head_dim " << t.head_dim << "\n";
      continue;
    }
    const auto& s = t.scaled;
    out << "  rope_type " << t.rope_type << ", theta " << pe::format_number(t.theta)
        << ", head_dim " << t.head_dim << ", rotary_dim " << t.rotary_dim << " (the "
        << (t.rotate_last ? "last" : "first") << " " << t.rotary_dim << ", "
        << pe::to_string(t.pairing) << " pairs)\n"
        << "  attention scaling " << pe::format_number(s.attention_scaling) << ", factor "
        << or_none(s.factor_used);
    if (!std::isnan(s.ramp_low)) {
      out << ", YaRN ramp over pairs " << pe::format_number(s.ramp_low) << " to "
          << pe::format_number(s.ramp_high);
    }
    if (!std::isnan(s.wavelength_low)) {
      out << ", wavelengths kept below " << pe::format_number(s.wavelength_low)
          << ", divided above " << pe::format_number(s.wavelength_high);
    }
    out << "\n  inv_freq (" << s.inv_freq.size() << "): ";
    if (!s.inv_freq.empty()) {
      out << pe::format_number(s.inv_freq.front()) << " ... "
          << pe::format_number(s.inv_freq.back());
    }
    out << "\n";
  }
  if (!std::isnan(r.floor_scale)) {
    out << "query scaling (attention temperature on NoPE layers): floor_scale "
        << pe::format_number(r.floor_scale) << ", attn_scale " << pe::format_number(r.attn_scale)
        << "\n";
  }
  out << "warnings: " << r.warnings.size() << "\n";
  for (const auto& w : r.warnings) out << "  [" << w.kind << "] " << w.message << "\n";
  return out.str();
}

// pe-export --config: reads the file, prints the reading, writes the tables with --output.
int run_config(const std::string& path, std::map<std::string, std::string> given,
               const std::string& output, bool as_json) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail("cannot open " + path);
  std::string text(std::size_t(pe::kMaxConfigBytes) + 1, '\0');  // one byte more: the cap's check
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(file.gcount()));
  const auto number_flag = [&](const std::string& flag, double fallback) -> std::optional<double> {
    const auto found = given.find(flag);
    if (found == given.end()) return fallback;
    const auto parsed = parse_number(found->second);
    given.erase(found);
    return parsed;
  };
  const auto sequence_length = number_flag("--sequence-length", pe::kUnset);
  if (!sequence_length) return fail("--sequence-length must be a number");
  std::string layer_type;
  if (const auto found = given.find("--layer-type"); found != given.end()) {
    layer_type = found->second;
    given.erase(found);
  }
  const auto positions_flag = number_flag("--positions", pe::kUnset);
  const auto start = number_flag("--start", 0);
  if (!positions_flag || !start) return fail("--positions and --start must be numbers");
  if (const auto found = given.find("--format"); found != given.end()) {
    if (found->second != "npy")
      return fail("--config writes .npy only; got --format " + found->second);
    given.erase(found);
  }
  if (!given.empty()) return fail("unknown option " + given.begin()->first + " for --config");

  const auto read = pe::read_rope_config(text, *sequence_length);
  if (!read) return fail(read.error().message);
  const auto& r = read.value();
  const pe::LayerTypeReading* chosen = &r.main();
  if (!layer_type.empty()) {
    chosen = nullptr;
    std::string names;
    for (const auto& t : r.layer_types) {
      if (t.name == layer_type) chosen = &t;
      names += (names.empty() ? "" : ", ") + t.name;
    }
    if (!chosen)
      return fail("--layer-type must be one of " + names + "; got \"" + layer_type + "\"");
  }
  const bool tables = output != "-";
  // The reading goes to standard output (the tables, if any, to their file).
  std::cout << (as_json ? pe::rope_config_json(r) + "\n" : reading_text(r));
  if (!tables) return 0;
  if (!chosen->rope) return fail("layer type " + chosen->name + " has no RoPE (NoPE): no tables");
  double rows = *positions_flag;
  if (std::isnan(rows))
    rows = std::isnan(r.max_positions) ? 4096 : std::min(4096.0, r.max_positions);
  if (auto s = pe::check_integer("positions", rows, 1, pe::kMaxPositions); !s) {
    return fail(s.error().message);
  }
  if (auto s = pe::check_integer("start", *start, 0, double(pe::kMaxPosition) - rows + 1); !s) {
    return fail(s.error().message);
  }
  const double values = 2 * rows * chosen->rotary_dim;
  if (values > double(pe::kMaxElements)) {
    return fail(pe::make_error(pe::ErrorCode::size_limit, "positions", "elements_cap",
                               {{"max", double(pe::kMaxElements)},
                                {"rows", 2 * rows},
                                {"cols", double(chosen->rotary_dim)},
                                {"got", values}})
                    .message);
  }
  // Hugging Face's rotary embedding returns cat(freqs, freqs) for every pairing (an interleaved
  // model reorders q and k instead): the half layout's table, with the layer type's frequencies.
  pe::RopeSpec spec;
  spec.head_dim = spec.rotary_dim = chosen->rotary_dim;
  spec.theta = chosen->theta;
  spec.scaled_inv_freq = chosen->scaled.inv_freq;
  spec.attention_scaling = chosen->scaled.attention_scaling;
  const std::size_t each = std::size_t(rows) * std::size_t(chosen->rotary_dim);
  std::vector<float> table(2 * each);
  if (auto s = pe::rope_tables(spec, std::int64_t(*start), int(rows),
                               std::span<float>(table).first(each),
                               std::span<float>(table).subspan(each));
      !s) {
    return fail(s.error().message);
  }
  const std::vector<std::size_t> shape = {2, std::size_t(rows), std::size_t(chosen->rotary_dim)};
  std::vector<char> bytes(pe::export_size_bound(pe::Format::npy, table.size(), shape[0]));
  pe::ByteSink sink(bytes);
  pe::write_npy(sink, table, shape);
  std::ofstream out(output, std::ios::binary);
  if (!out) return fail("cannot open " + output + " for writing");
  return write_out(out, output, bytes.data(), sink.size());
}

// pe-export --identify: reads the file, names its convention, compares with a reference.
int run_identify(const std::string& path, std::map<std::string, std::string> given, bool as_json,
                 bool bfloat16) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail("cannot open " + path);
  std::vector<std::uint8_t> bytes;
  {
    file.seekg(0, std::ios::end);
    const auto size = file.tellg();
    if (size < 0) return fail("cannot read " + path);
    if (double(size) > double(pe::kMaxTableFileBytes)) {
      return fail(pe::make_error(pe::ErrorCode::size_limit, "bytes", "count_cap",
                                 {{"max", double(pe::kMaxTableFileBytes)}, {"got", double(size)}})
                      .message);
    }
    bytes.resize(std::size_t(size));
    file.seekg(0);
    file.read(reinterpret_cast<char*>(bytes.data()), size);
  }
  const auto take = [&](const std::string& flag) {
    std::string value;
    if (const auto found = given.find(flag); found != given.end()) {
      value = found->second;
      given.erase(found);
    }
    return value;
  };
  const std::string tensor = take("--tensor"), config = take("--config"),
                    layer_type = take("--layer-type"), against_text = take("--against");
  if (!given.empty()) return fail("unknown option " + given.begin()->first + " for --identify");
  if (!layer_type.empty() && config.empty()) return fail("--layer-type needs --config");
  if (!config.empty() && !against_text.empty()) return fail("--config or --against, not both");
  pe::IdentifyAgainst against;
  if (!config.empty()) {
    std::ifstream cf(config, std::ios::binary);
    if (!cf) return fail("cannot open " + config);
    std::string text(std::size_t(pe::kMaxConfigBytes) + 1, '\0');
    cf.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(cf.gcount()));
    const auto read = pe::read_rope_config(text, pe::kUnset);
    if (!read) return fail(read.error().message);
    const pe::LayerTypeReading* chosen = &read.value().main();
    if (!layer_type.empty()) {
      chosen = nullptr;
      std::string names;
      for (const auto& t : read.value().layer_types) {
        if (t.name == layer_type) chosen = &t;
        names += (names.empty() ? "" : ", ") + t.name;
      }
      if (!chosen)
        return fail("--layer-type must be one of " + names + "; got \"" + layer_type + "\"");
    }
    if (!chosen->rope) return fail("layer type " + chosen->name + " has no RoPE (NoPE)");
    against = pe::against_layer_type(*chosen);
  } else if (!against_text.empty()) {
    const auto parsed = pe::parse_against(against_text);
    if (!parsed) return fail(parsed.error().message);
    against = parsed.value();
  }
  const auto table = pe::read_table_file(bytes, tensor, bfloat16);
  if (!table) return fail(table.error().message);
  const auto result = pe::identify_table(table.value(), against);
  if (!result) return fail(result.error().message);
  std::cout << (as_json ? pe::identify_json(result.value()) + "\n"
                        : pe::identify_text(result.value()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> given;  // flag -> text
  std::string scheme_name = "sinusoidal", format_text, output = "-", config, identify;
  bool as_json = false, bfloat16 = false;
  for (int n = 1; n < argc; ++n) {
    std::string flag = argv[n];
    if (flag == "--help" || flag == "-h") {
      usage(std::cout);
      return 0;
    }
    if (flag == "--json") {  // the one flag without a value (--config's reading as JSON)
      as_json = true;
      continue;
    }
    std::string value;
    if (const auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag.resize(eq);
    } else if (n + 1 < argc) {
      value = argv[++n];
    } else {
      return fail(flag.rfind("--", 0) == 0 ? flag + " needs a value"
                                           : "unexpected argument " + flag);
    }
    if (flag == "--identify") {
      identify = value;
    } else if (flag == "--bfloat16") {  // --identify: .npy uint16 data as bfloat16 bits
      if (value != "true" && value != "false")
        return fail("bfloat16 must be true or false; got \"" + value + "\"");
      bfloat16 = value == "true";
    } else if (flag == "--config") {
      config = value;
    } else if (flag == "--scheme") {
      scheme_name = value;
    } else if (flag == "--format") {
      format_text = value;
    } else if (flag == "--output" || flag == "-o") {
      output = value;
    } else {
      given[flag] = value;
    }
  }
  if (!identify.empty()) {
    if (!config.empty()) given["--config"] = config;
    if (!format_text.empty() || output != "-") return fail("--identify prints; it writes no table");
    return run_identify(identify, given, as_json, bfloat16);
  }
  if (bfloat16) return fail("--bfloat16 is for --identify");  // (--bfloat16 false: ignored)
  if (!config.empty()) {
    if (!format_text.empty()) given["--format"] = format_text;
    return run_config(config, given, output, as_json);
  }
  if (as_json) return fail("--json is for --config (the reading as JSON); use --format json");
  const pe::SchemeInfo* scheme = pe::find_scheme(scheme_name);
  if (!scheme) {
    return fail("scheme must be one of " + scheme_names() + "; got \"" + scheme_name + "\"");
  }
  // The scheme's parameters from the command line: numbers, choices and booleans, defaults filled.
  pe::ParameterValues values;
  for (const auto& p : scheme->parameters) {
    const std::string flag = flag_of(p.name);
    const auto found = given.find(flag);
    const bool numeric =
        p.type == pe::ParameterType::integer || p.type == pe::ParameterType::number;
    if (found == given.end()) {
      if (numeric && std::isnan(p.fallback)) return fail(flag + " is required");
      if (numeric)
        values.numbers[std::string(p.core)] = p.fallback;
      else
        values.texts[std::string(p.core)] = std::string(p.choice);
      continue;
    }
    if (numeric) {
      const auto parsed = parse_number(found->second);
      if (!parsed) {
        return fail(pe::make_error(pe::ErrorCode::invalid_argument, std::string(p.core),
                                   "not_number", {{"got", "\"" + found->second + "\""}})
                        .message);
      }
      values.numbers[std::string(p.core)] = *parsed;
    } else {
      if (p.type == pe::ParameterType::boolean && found->second != "true" &&
          found->second != "false") {
        return fail(pe::make_error(pe::ErrorCode::invalid_argument, std::string(p.core),
                                   "not_boolean", {{"got", "\"" + found->second + "\""}})
                        .message);
      }
      values.texts[std::string(p.core)] = found->second;
    }
    given.erase(found);
  }
  if (!given.empty()) {
    return fail("unknown option " + given.begin()->first + " for --scheme " + scheme_name);
  }

  if (format_text.empty()) {
    const auto dot = output.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : output.substr(dot + 1);
    format_text = (extension == "npy" || extension == "json") ? extension : "csv";
  }
  const auto format = pe::parse_format(format_text);
  if (!format) return fail(format.error().message);

  // Build the table and its shape: a folder scheme makes its own (integers or floats), the
  // sinusoidal one is made here.
  std::vector<float> table;
  std::vector<std::int32_t> integers;
  std::vector<std::size_t> shape;
  std::optional<pe::Spec> sinusoidal;
  auto& num = values.numbers;
  auto& text = values.texts;
  if (scheme_name == "identify")
    return fail("--scheme identify writes no table: use --identify FILE");
  if (scheme->table) {
    auto made = scheme->table(values);
    if (!made) return fail(made.error().message);
    table = std::move(made.value().floats);
    integers = std::move(made.value().integers);
    shape = std::move(made.value().shape);
  } else if (scheme_name == "sinusoidal") {
    pe::SinusoidalOptions o;
    o.d_model = num["d_model"];
    o.positions = num["positions"];
    o.start = num["start"];
    o.base = num["base"];
    o.layout = text["layout"];
    o.frequencies = text["frequencies"];
    o.odd = text["odd"];
    const auto spec = pe::make_spec(o);
    if (!spec) return fail(spec.error().message);
    table.resize(spec.value().element_count());
    if (auto s = pe::sinusoidal_into(spec.value(), table); !s) return fail(s.error().message);
    shape = {std::size_t(spec.value().positions), std::size_t(spec.value().d_model)};
    sinusoidal = spec.value();
  }
  if (format.value() != pe::Format::npy && shape.size() != 2) {
    return fail("--scheme " + scheme_name + " writes a " + std::to_string(shape.size()) +
                "-D table: use --format npy (CSV and JSON hold 2-D tables)");
  }
  if (format.value() == pe::Format::json && !sinusoidal) {
    return fail("--format json is for --scheme sinusoidal; use npy or csv");
  }

  std::ofstream file;
  if (output != "-") {
    file.open(output, std::ios::binary);
    if (!file) return fail("cannot open " + output + " for writing");
  }
  std::ostream& out = output == "-" ? std::cout : file;
  const std::size_t count = integers.empty() ? table.size() : integers.size();
  std::vector<char> bytes(pe::export_size_bound(format.value(), count, shape[0]));
  pe::ByteSink sink(bytes);
  switch (format.value()) {
    case pe::Format::npy:
      if (integers.empty())
        pe::write_npy(sink, table, shape);
      else
        pe::write_npy(sink, integers, shape);
      break;
    case pe::Format::csv:
      if (integers.empty())
        pe::write_csv(sink, table, shape[0], shape[1]);
      else
        pe::write_csv(sink, integers, shape[0], shape[1]);
      break;
    case pe::Format::json: pe::write_json(sink, *sinusoidal, table); break;
  }
  return write_out(out, output, bytes.data(), sink.size());
}
