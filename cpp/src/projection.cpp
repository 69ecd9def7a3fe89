#include "pe/projection.hpp"

#include <algorithm>
#include <cmath>

#include "pe/eigen.hpp"
#include "pe/spec.hpp"

namespace pe {

Result<Projection> parse_projection(std::string_view text) {
  if (text == "pca") return Projection::pca;
  if (text == "first_two") return Projection::first_two;
  return make_error(ErrorCode::invalid_argument, "method", "one_of",
                    {{"allowed", std::string("pca, first_two")}, {"got", std::string(text)}});
}

Result<Projected> project(std::span<const float> values, double rows, double cols, Projection how) {
  if (auto s = check_integer("rows", rows, 1, kMaxProjectedRows); !s) return s.error();
  if (auto s = check_integer("cols", cols, 2, kMaxDModel); !s) return s.error();
  const int n = static_cast<int>(rows);
  const int d = static_cast<int>(cols);
  if (values.size() != static_cast<std::size_t>(n) * d) {
    return make_error(ErrorCode::invalid_argument, "values", "length_mismatch",
                      {{"expected", double(n) * d}, {"got", double(values.size())}});
  }
  if (const double work = double(n) * n * d; work > double(kMaxProjectWork)) {
    return make_error(ErrorCode::size_limit, "rows", "work_cap",
                      {{"max", double(kMaxProjectWork)}, {"got", work}});
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k])) {
      return make_error(ErrorCode::invalid_argument, "values", "not_finite",
                        {{"got", double(values[k])}, {"index", double(k)}});
    }
  }
  // Centre the columns (PCA is about variance around the mean).
  std::vector<double> x(values.begin(), values.end());
  for (int j = 0; j < d; ++j) {
    double mean = 0;
    for (int r = 0; r < n; ++r) mean += x[std::size_t(r) * d + j];
    mean /= n;
    for (int r = 0; r < n; ++r) x[std::size_t(r) * d + j] -= mean;
  }
  double total = 0;
  for (double value : x) total += value * value;
  Projected out;
  out.xy.assign(static_cast<std::size_t>(n) * 2, 0.0);
  if (how == Projection::first_two) {
    double along[2] = {0, 0};
    for (int r = 0; r < n; ++r) {
      for (int k = 0; k < 2; ++k) {
        out.xy[std::size_t(r) * 2 + k] = values[std::size_t(r) * d + k];
        along[k] += x[std::size_t(r) * d + k] * x[std::size_t(r) * d + k];
      }
    }
    for (int k = 0; k < 2; ++k) out.explained[k] = total > 0 ? along[k] / total : 0;
    return out;
  }
  // PCA through the n x n Gram matrix of the centred rows (n <= 512 tokens, d up to 8192): its
  // eigenvectors u_k with eigenvalues l_k give the scores u_k * sqrt(l_k) directly.
  std::vector<double> gram(static_cast<std::size_t>(n) * n);
  for (int a = 0; a < n; ++a) {
    for (int b = a; b < n; ++b) {
      double sum = 0;
      for (int j = 0; j < d; ++j) sum += x[std::size_t(a) * d + j] * x[std::size_t(b) * d + j];
      gram[std::size_t(a) * n + b] = gram[std::size_t(b) * n + a] = sum;
    }
  }
  const Eigen e = symmetric_eigen(std::move(gram), n);
  for (int k = 0; k < 2 && k < n; ++k) {
    const double lambda = std::max(e.values[k], 0.0);
    // A fixed sign (largest entry positive), so the picture does not flip between runs.
    int biggest = 0;
    for (int r = 1; r < n; ++r) {
      if (std::abs(e.vectors[std::size_t(r) * n + k]) >
          std::abs(e.vectors[std::size_t(biggest) * n + k]))
        biggest = r;
    }
    const double sign = e.vectors[std::size_t(biggest) * n + k] < 0 ? -1.0 : 1.0;
    for (int r = 0; r < n; ++r)
      out.xy[std::size_t(r) * 2 + k] = sign * e.vectors[std::size_t(r) * n + k] * std::sqrt(lambda);
    out.explained[k] = total > 0 ? lambda / total : 0;
  }
  return out;
}

}  // namespace pe
