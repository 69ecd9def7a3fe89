// pe-export: writes the sinusoidal position-encoding matrix as .npy, .csv or .json.
// Same engine, same checks and same messages as the web page. Bad arguments: message on stderr,
// exit 2.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pe/export.hpp"
#include "pe/sinusoidal.hpp"

namespace {

constexpr std::string_view kUsage = R"(Usage: pe-export --d-model N --positions N [options]

Writes the sinusoidal position-encoding matrix (positions x d_model, float32, row-major).

  --d-model N        model width, 1 to 8192 (odd: the last column is zero)
  --positions N      number of rows, 1 to 1048576 (positions x d_model <= 16777216)
  --start N          first position, default 0 (fairseq starts at padding_idx + 1)
  --base X           default 10000; finite, > 1
  --layout L         interleaved (default, the paper) | split (sin half, cos half) | split_cos_first
  --frequencies F    paper (default, base^(-2i/d)) | tensor2tensor (base^(-i/(d/2-1)))
  --format F         npy | csv | json; default: from the output's extension, else csv
  --output PATH      file to write; - or absent: standard output
  --help             this text

Example: pe-export --d-model 128 --positions 50 --output pe.npy
)";

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

}  // namespace

int main(int argc, char** argv) {
  pe::SinusoidalOptions options;
  bool have_d_model = false, have_positions = false;
  std::string format_text, output = "-";

  for (int n = 1; n < argc; ++n) {
    std::string flag = argv[n];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
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

    struct NumberFlag {
      std::string_view flag, name;
      double* target;
      bool* seen;
    };
    const NumberFlag numbers[] = {{"--d-model", "d_model", &options.d_model, &have_d_model},
                                  {"--positions", "positions", &options.positions, &have_positions},
                                  {"--start", "start", &options.start, nullptr},
                                  {"--base", "base", &options.base, nullptr}};
    bool matched = false;
    for (const auto& number : numbers) {
      if (flag != number.flag) continue;
      const auto parsed = parse_number(value);
      if (!parsed) {
        return fail(pe::make_error(pe::ErrorCode::invalid_argument, std::string(number.name),
                                   "not_number", {{"got", "\"" + value + "\""}})
                        .message);
      }
      *number.target = *parsed;
      if (number.seen) *number.seen = true;
      matched = true;
    }
    if (matched) continue;
    if (flag == "--layout") {
      options.layout = value;
    } else if (flag == "--frequencies") {
      options.frequencies = value;
    } else if (flag == "--format") {
      format_text = value;
    } else if (flag == "--output" || flag == "-o") {
      output = value;
    } else {
      return fail("unknown option " + flag);
    }
  }
  if (!have_d_model) return fail("--d-model is required");
  if (!have_positions) return fail("--positions is required");

  const auto spec = pe::make_spec(options);
  if (!spec) return fail(spec.error().message);

  if (format_text.empty()) {
    const auto dot = output.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : output.substr(dot + 1);
    format_text = (extension == "npy" || extension == "json") ? extension : "csv";
  }
  const auto format = pe::parse_format(format_text);
  if (!format) return fail(format.error().message);

  std::vector<float> matrix(spec.value().element_count());
  if (auto s = pe::sinusoidal_into(spec.value(), matrix); !s) return fail(s.error().message);

  std::ofstream file;
  if (output != "-") {
    file.open(output, std::ios::binary);
    if (!file) return fail("cannot open " + output + " for writing");
  }
  std::ostream& out = output == "-" ? std::cout : file;
  const auto& s = spec.value();
  switch (format.value()) {
    case pe::Format::npy: pe::write_npy(out, matrix, s.positions, s.d_model); break;
    case pe::Format::csv: pe::write_csv(out, matrix, s.positions, s.d_model); break;
    case pe::Format::json: pe::write_json(out, s, matrix); break;
  }
  out.flush();
  if (!out) {
    std::cerr << "pe-export: writing " << output << " failed\n";
    return 1;
  }
  return 0;
}
