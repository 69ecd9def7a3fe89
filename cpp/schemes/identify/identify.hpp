// From a table to the convention that made it: pe.identifyTable and pe-export --identify.
//
// A position-encoding or cos/sin table read from a file (tensor_file.hpp) is named: its kind
// (sinusoidal | rope_cos | rope_sin | rope_angles | unknown), the engine's options that rebuild it
// (sinusoidal: layout, frequencies, base, start, odd; RoPE: theta, pairing, rotaryDim, positions,
// start and scaling with its factor), the next best readings, and what departs from a reference
// (`against`: a ropeFromConfig layer type or sinusoidal options).
//
// How: the frequencies are fitted from the data, not looked up. Per column (or sin/cos pair), the
// angle's step per position is measured over many rows: for a sin/cos pair, the slope of the
// unwrapped atan2(sin, cos) against the row; for a lone cos or sin column, the recurrence
// x[r+k] + x[r-k] = 2 cos(k w) x[r] fitted by least squares at strides k growing until k w nears
// pi/2 (k up to rows / 3), which makes slow frequencies as exact as fast ones; for angles, the
// slope of each column. The fitted frequencies are then read as a family: ln w_i against i is a
// line through 0 for the default rule (its slope gives theta or base); a constant offset is linear
// scaling; a tail divided by a factor is llama3 or YaRN (each tried at the usual original lengths,
// the one closest to the fitted frequencies kept). The start position comes from the phases of
// all columns, from the slowest to the fastest. Every reading is then rebuilt by the engine's
// formulas and compared with the table (maxError), which ranks them; numbers are rounded to the
// fewest significant digits that do not make the reading worse.
//
// Accuracy: a table tells theta apart to about u / (rows * m) relative, with u the precision of its
// values (2^-24 float32, 2^-11 float16, 2^-8 bfloat16, at least 1e-7) and m = max_i (i / n) w_i
// (0.04 at theta 10^4, n = 64; 0.027 at 5 * 10^5): 4 float32 rows tell theta to ~1e-6, 4
// bfloat16 rows only to ~2%, and bfloat16 needs ~100 rows for 1e-3 (README, "Which convention is
// this table?"). The diagnosis says so (id_few_rows) when the table is too short for 1e-3.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"
#include "pe/schemes.hpp"
#include "rope/rope.hpp"
#include "rope_config/rope_config.hpp"
#include "tensor_file.hpp"

namespace pe {

// The reference a table is compared with.
struct IdentifyAgainst {
  enum class Kind { none, rope, sinusoidal } kind = Kind::none;
  // rope: a layer type's reading (ropeFromConfig(...).layerTypes[name])
  double theta = 10000;
  std::vector<double> inv_freq;
  double attention_scaling = 1;
  int rotary_dim = 0;
  Pairing pairing = Pairing::half;
  std::string rope_type = "default";
  double factor = kUnset;  // the scaling's factor, if any
  // sinusoidal
  std::string layout = "interleaved", frequencies = "paper", odd = "auto";
  double base = 10000;
  double start = 0;  // both
};

// A layer type of a config reading as a reference.
IdentifyAgainst against_layer_type(const LayerTypeReading& layer);
// The JS API's `against` as JSON text (invFreq an array): a layer type or sinusoidal options.
// Errors name `against`.
Result<IdentifyAgainst> parse_against(std::string_view json_text);

// One reading of the table: the scheme and the engine's options (as JSON members), its error.
struct IdentifyReading {
  std::string scheme;   // "sinusoidal" | "rope"
  std::string options;  // a JSON object's text
  double max_error = 0;
  std::string label;  // a short name for messages ("rope theta 10000 half")
};

struct IdentifyFinding {
  std::string kind;  // a message kind (id_*)
  std::vector<MessageArg> args;
  std::string message;
};

struct IdentifyResult {
  std::string format, dtype;
  std::vector<std::size_t> shape;
  std::string kind = "unknown";
  std::optional<IdentifyReading> best;
  std::vector<IdentifyReading> candidates;
  std::vector<IdentifyFinding> diagnosis;
  bool has_difference = false;
  std::size_t diff_row = 0, diff_col = 0;
  double diff_got = 0, diff_want = 0;
  // A grid of the table beside the reading it is compared with (the reference if there is one, else
  // the best), for a figure: up to kPreviewRows rows and kPreviewCols columns spread evenly (the
  // first differing cell's row and column among them; a stacked table's cos half), row-major.
  // preview_reference is empty when no reading fits.
  std::vector<std::size_t> preview_rows, preview_cols;
  std::vector<double> preview_table, preview_reference;
};

inline constexpr std::size_t kPreviewRows = 192, kPreviewCols = 256;

// The largest difference that is not a difference: u * amplitude + 2^-22 * |angle|, with u the
// table's precision (above): tables computed in float32 carry an angle error that grows with the
// position (p * w rounded to 24 bits).
double identify_tolerance(double unit, double amplitude, double angle);

Result<IdentifyResult> identify_table(const TensorTable& table, const IdentifyAgainst& against);

// The result as JSON with the JS API's field names (what pe.identifyTable returns and pe-export
// --identify --json prints); with_preview adds the figure's grid as `preview` ({ rows, cols, table,
// reference }: what pe.identifyTable returns).
std::string identify_json(const IdentifyResult& result, bool with_preview = false);
// The result for a person (pe-export --identify).
std::string identify_text(const IdentifyResult& result);

// The figure's samples (pe.identifySample): a table written by the model identification rebuilds
// its readings with (the same cells as the engine's exports, computed in double, stored as
// float32).
//   "rope":       RoPE cos, head 128, theta 500,000, half pairing (Llama 3's), positions 0..511
//   "sinusoidal": the paper's sinusoidal encoding, dModel 64, positions 0..255
//   "fairseq":    fairseq's: split layout, tensor2tensor's exponent, dModel 64, positions 2..257
// Other names: a one_of PEError naming `name`.
struct IdentifySample {
  std::string options;  // the engine options that write the same table (JSON object text)
  std::size_t rows = 0, cols = 0;
  std::vector<float> values;  // rows x cols, row-major
};
Result<IdentifySample> identify_sample(std::string_view name);

// The scheme's entry in pe::schemes(): its caps (pe.limits); no parameters, no pe-export table.
const SchemeInfo& identify_scheme();

}  // namespace pe
