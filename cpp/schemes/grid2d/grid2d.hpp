// 2-D sin-cos position embedding of image patches (ViT/MAE, DiT): MAE's get_2d_sincos_pos_embed
// (facebookresearch/mae, util/pos_embed.py). Rows are patches in row-major order over the grid
// (a zero row first with the class token). Columns: the first half encodes x, the patch's column
// (MAE names that half emb_h, but its grid comes from meshgrid(grid_w, grid_h), so grid[0] is the
// column index), the second half y, the row. Each half is [sin of d/4 frequencies, cos of the
// same], omega_i = 1 / base^(i / (d/4)).
#pragma once

#include <span>
#include <vector>

#include "pe/error.hpp"
#include "pe/parameters.hpp"
#include "pe/schemes.hpp"
#include "pe/spec.hpp"

namespace pe {

inline constexpr int kMaxGridSide = 1024;

// The 2-D sin-cos scheme's parameters (pe/parameters.hpp).
inline constexpr ParameterInfo kSincos2dParameters[] = {
    {"dModel", "d_model", ParameterType::integer, kRequired, "", 4, kMaxDModel, "",
     "model width, a multiple of 4"},
    {"gridHeight", "grid_height", ParameterType::integer, kRequired, "", 1, kMaxGridSide, "",
     "patch rows"},
    {"gridWidth", "grid_width", ParameterType::integer, kRequired, "", 1, kMaxGridSide, "",
     "patch columns"},
    {"base", "base", ParameterType::number, 10000, "", 1, 1e12, "",
     "the base of the frequencies, > 1"},
    {"clsToken", "cls_token", ParameterType::boolean, 0, "false", 0, 0, "", "a zero row first"},
};

struct Grid2dSpec {
  int d_model = 768;
  int grid_height = 14;
  int grid_width = 14;
  double base = 10000;
  bool cls_token = false;
  int rows() const { return grid_height * grid_width + (cls_token ? 1 : 0); }
  std::size_t element_count() const { return std::size_t(rows()) * std::size_t(d_model); }
};

// d_model a multiple of 4 (MAE asserts each half is even), 4 to 8192; each side 1 to 1024;
// rows x d_model <= kMaxElements.
Result<Grid2dSpec> make_grid2d_spec(double d_model, double grid_height, double grid_width,
                                    double base, bool cls_token);

// The table, rows() x d_model, float64 math rounded to float32.
Status sincos2d_into(const Grid2dSpec& spec, std::span<float> out);

enum class GridPart { all, x, y };
Result<GridPart> parse_grid_part(std::string_view text);

// Cosine similarity of patch (row, col)'s encoding with every patch's, grid_height x grid_width,
// over all columns or over the x or y half only (float64).
Result<std::vector<double>> grid2d_similarity(const Grid2dSpec& spec, double row, double col,
                                              GridPart part);

// All three at once (one table of sines and cosines; what a view showing the three panels needs).
struct GridSimilarities {
  std::vector<double> all, x, y;
};
Result<GridSimilarities> grid2d_similarities(const Grid2dSpec& spec, double row, double col);

// The scheme's entry in pe::schemes() (named sincos2d, as pe.sincos2d and pe-export --scheme
// sincos2d): parameters, pe-export's table, caps (maxGridSide).
const SchemeInfo& grid2d_scheme();

}  // namespace pe
