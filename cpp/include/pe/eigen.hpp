// The symmetric eigensolver behind the projection's principal components.
#pragma once

#include <vector>

namespace pe {

// Eigen-decomposition of a symmetric n x n matrix (row-major) in float64: Householder reduction to
// tridiagonal form, then the QL algorithm with implicit shifts (EISPACK tred2/tql2). O(n^3) with a
// small constant (~0.1 s at n = 256 natively; Jacobi rotations took ten times as long). At most
// kMaxQlIterations per eigenvalue, and a NaN or Infinity in the input returns NaN at once, so no
// input can make it spin. Eigenvalues descending; eigenvectors as the columns of `vectors`.
inline constexpr int kMaxQlIterations = 60;
struct Eigen {
  std::vector<double> values;
  std::vector<double> vectors;
};
Eigen symmetric_eigen(std::vector<double> matrix, int n);

}  // namespace pe
