#include "pe/schemes.hpp"

#include <limits>
#include <vector>

#include "pe/alibi.hpp"
#include "pe/error.hpp"
#include "pe/grid2d.hpp"
#include "pe/rope.hpp"
#include "pe/spec.hpp"

namespace pe {

// The folder schemes (cpp/schemes/<name>/): CMake writes one PE_SCHEME_FOLDER(<name>) line per
// folder into pe/scheme_folders.inc, in its build tree. The embed's size-built schemes engine is
// compiled without them (PE_NO_SCHEME_FOLDERS: its budget; CMakeLists.txt).
// The engine of one folder scheme's figures has that folder only (PE_ONLY_SCHEME_FOLDER=<name>).
#define PE_ONE_SCHEME_FOLDER(name) PE_SCHEME_FOLDER(name)
#define PE_SCHEME_FOLDER(name) const SchemeInfo& name##_scheme();
#if defined(PE_ONLY_SCHEME_FOLDER)
PE_ONE_SCHEME_FOLDER(PE_ONLY_SCHEME_FOLDER)
#elif !defined(PE_NO_SCHEME_FOLDERS)
#include "pe/scheme_folders.inc"
#endif
#undef PE_SCHEME_FOLDER

namespace {

constexpr double kRequired = std::numeric_limits<double>::quiet_NaN();
using T = ParameterType;

constexpr ParameterInfo kSinusoidal[] = {
    {"dModel", "d_model", T::integer, kRequired, "", 1, kMaxDModel, "", "model width"},
    {"positions", "positions", T::integer, 1, "", 1, kMaxPositions, "", "number of rows"},
    {"start", "start", T::integer, 0, "", 0, double(kMaxPosition), "", "first position"},
    {"base", "base", T::number, 10000, "", 1, 1e12, "", "the base of the frequencies, > 1"},
    {"layout", "layout", T::choice, 0, "interleaved", 0, 0, "interleaved|split|split_cos_first",
     "column order"},
    {"frequencies", "frequencies", T::choice, 0, "paper", 0, 0, "paper|tensor2tensor",
     "exponent 2i/d (paper) or i/(d/2-1) (tensor2tensor)"},
    {"odd", "odd", T::choice, 0, "auto", 0, 0, "auto|zero_column|extra_sine",
     "odd d_model: a zero last column, or ceil(d/2) sines (auto: extra_sine for paper "
     "frequencies)"},
};

constexpr ParameterInfo kRope[] = {
    {"headDim", "head_dim", T::integer, kRequired, "", 2, kMaxHeadDim, "",
     "width of one head, even"},
    {"theta", "theta", T::number, 10000, "", 1, 1e12, "", "rope_theta, > 1"},
    {"rotaryDim", "rotary_dim", T::integer, -1, "", 2, kMaxHeadDim, "",
     "rotated dimensions, even, <= headDim (default: headDim)"},
    {"pairing", "pairing", T::choice, 0, "half", 0, 0, "half|interleaved",
     "(i, i+d/2): NeoX, Llama, HF; (2i, 2i+1): GPT-J, RoFormer, Meta"},
    {"positions", "positions", T::integer, 1, "", 1, kMaxPositions, "", "number of rows"},
    {"start", "start", T::integer, 0, "", 0, double(kMaxPosition), "", "first position"},
};

constexpr ParameterInfo kAlibi[] = {
    {"heads", "heads", T::integer, kRequired, "", 1, kMaxHeads, "", "attention heads"},
    {"positions", "positions", T::integer, kRequired, "", 1, 4096, "",
     "sequence length (heads x positions^2 <= 16,777,216)"},
    {"causal", "causal", T::boolean, 0, "true", 0, 0, "", "-Infinity above the diagonal"},
    {"form", "form", T::choice, 0, "distance", 0, 0, "distance|key_position",
     "-slope*(i-j) (paper) or slope*j (BLOOM): the same softmax"},
};

constexpr ParameterInfo kSincos2d[] = {
    {"dModel", "d_model", T::integer, kRequired, "", 4, kMaxDModel, "",
     "model width, a multiple of 4"},
    {"gridHeight", "grid_height", T::integer, kRequired, "", 1, kMaxGridSide, "", "patch rows"},
    {"gridWidth", "grid_width", T::integer, kRequired, "", 1, kMaxGridSide, "", "patch columns"},
    {"base", "base", T::number, 10000, "", 1, 1e12, "", "the base of the frequencies, > 1"},
    {"clsToken", "cls_token", T::boolean, 0, "false", 0, 0, "", "a zero row first"},
};

constexpr SchemeInfo kSchemes[] = {
    {"sinusoidal", "Vaswani et al. 2017: sin/cos added to the input", kSinusoidal},
    {"rope", "rotary: q and k rotated inside attention", kRope},
    {"alibi", "linear biases added to attention scores", kAlibi},
    {"sincos2d", "MAE/ViT 2-D sin-cos: x in the first half, y in the second", kSincos2d},
};

}  // namespace

std::span<const SchemeInfo> schemes() {
  static const std::vector<SchemeInfo> all = [] {
    std::vector<SchemeInfo> out(std::begin(kSchemes), std::end(kSchemes));
#define PE_SCHEME_FOLDER(name) out.push_back(name##_scheme());
#if defined(PE_ONLY_SCHEME_FOLDER)
    PE_ONE_SCHEME_FOLDER(PE_ONLY_SCHEME_FOLDER)
#elif !defined(PE_NO_SCHEME_FOLDERS)
#include "pe/scheme_folders.inc"
#endif
#undef PE_SCHEME_FOLDER
    return out;
  }();
  return all;
}

const SchemeInfo* find_scheme(std::string_view name) {
  for (const auto& scheme : schemes()) {
    if (scheme.name == name) return &scheme;
  }
  return nullptr;
}

std::span<const MessageTemplate> scheme_message_templates() {
  return kSchemeMessageTemplates;
}

}  // namespace pe
