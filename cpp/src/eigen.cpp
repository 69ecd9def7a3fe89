#include "pe/eigen.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pe {

namespace {

// Householder reduction of the symmetric matrix in v (row-major n x n) to tridiagonal form:
// diagonal d, sub-diagonal e; v becomes the orthogonal transformation. EISPACK's tred2, in the
// formulation of JAMA (public domain).
void tridiagonalize(std::vector<double>& v, std::vector<double>& d, std::vector<double>& e, int n) {
  auto V = [&](int r, int c) -> double& { return v[std::size_t(r) * n + c]; };
  for (int j = 0; j < n; ++j) d[j] = V(n - 1, j);
  for (int i = n - 1; i > 0; --i) {
    double scale = 0, h = 0;
    for (int k = 0; k < i; ++k) scale += std::abs(d[k]);
    if (scale == 0) {
      e[i] = d[i - 1];
      for (int j = 0; j < i; ++j) {
        d[j] = V(i - 1, j);
        V(i, j) = 0;
        V(j, i) = 0;
      }
    } else {
      for (int k = 0; k < i; ++k) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      double f = d[i - 1];
      double g = f > 0 ? -std::sqrt(h) : std::sqrt(h);
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (int j = 0; j < i; ++j) e[j] = 0;
      for (int j = 0; j < i; ++j) {
        f = d[j];
        V(j, i) = f;
        g = e[j] + V(j, j) * f;
        for (int k = j + 1; k <= i - 1; ++k) {
          g += V(k, j) * d[k];
          e[k] += V(k, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (int j = 0; j < i; ++j) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const double hh = f / (h + h);
      for (int j = 0; j < i; ++j) e[j] -= hh * d[j];
      for (int j = 0; j < i; ++j) {
        f = d[j];
        g = e[j];
        for (int k = j; k <= i - 1; ++k) V(k, j) -= (f * e[k] + g * d[k]);
        d[j] = V(i - 1, j);
        V(i, j) = 0;
      }
    }
    d[i] = h;
  }
  for (int i = 0; i < n - 1; ++i) {  // accumulate the transformations
    V(n - 1, i) = V(i, i);
    V(i, i) = 1;
    const double h = d[i + 1];
    if (h != 0) {
      for (int k = 0; k <= i; ++k) d[k] = V(k, i + 1) / h;
      for (int j = 0; j <= i; ++j) {
        double g = 0;
        for (int k = 0; k <= i; ++k) g += V(k, i + 1) * V(k, j);
        for (int k = 0; k <= i; ++k) V(k, j) -= g * d[k];
      }
    }
    for (int k = 0; k <= i; ++k) V(k, i + 1) = 0;
  }
  for (int j = 0; j < n; ++j) {
    d[j] = V(n - 1, j);
    V(n - 1, j) = 0;
  }
  V(n - 1, n - 1) = 1;
  e[0] = 0;
}

// The QL algorithm with implicit shifts on the tridiagonal (d, e), applied to v as well (EISPACK's
// tql2, as in JAMA). At most kMaxQlIterations per eigenvalue, and every loop test is false for NaN.
void diagonalize(std::vector<double>& v, std::vector<double>& d, std::vector<double>& e, int n) {
  auto V = [&](int r, int c) -> double& { return v[std::size_t(r) * n + c]; };
  for (int i = 1; i < n; ++i) e[i - 1] = e[i];
  e[n - 1] = 0;
  double f = 0, tst1 = 0;
  const double eps = std::numeric_limits<double>::epsilon();
  for (int l = 0; l < n; ++l) {
    tst1 = std::max(tst1, std::abs(d[l]) + std::abs(e[l]));
    int m = l;
    while (m < n - 1 && !(std::abs(e[m]) <= eps * tst1)) ++m;  // e[n - 1] = 0 ends it
    if (m > l) {
      for (int iteration = 0; iteration < kMaxQlIterations; ++iteration) {
        double g = d[l];
        double p = (d[l + 1] - g) / (2 * e[l]);
        double r = std::hypot(p, 1.0);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const double dl1 = d[l + 1];
        double h = g - d[l];
        for (int i = l + 2; i < n; ++i) d[i] -= h;
        f += h;
        p = d[m];
        double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const double el1 = e[l + 1];
        for (int i = m - 1; i >= l; --i) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = std::hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (int k = 0; k < n; ++k) {
            h = V(k, i + 1);
            V(k, i + 1) = s * V(k, i) + c * h;
            V(k, i) = c * V(k, i) - s * h;
          }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(std::abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
}

}  // namespace

Eigen symmetric_eigen(std::vector<double> a, int n) {
  Eigen out;
  out.values.assign(n, std::numeric_limits<double>::quiet_NaN());
  out.vectors.assign(static_cast<std::size_t>(n) * n, std::numeric_limits<double>::quiet_NaN());
  if (n < 1) return out;
  // Non-finite input has no decomposition: NaN out, at once (project() refuses it before this).
  for (double x : a) {
    if (!std::isfinite(x)) return out;
  }
  std::vector<double> d(n), e(n);
  tridiagonalize(a, d, e, n);
  diagonalize(a, d, e, n);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) { return d[x] > d[y]; });
  for (int k = 0; k < n; ++k) {
    out.values[k] = d[order[k]];
    for (int r = 0; r < n; ++r)
      out.vectors[std::size_t(r) * n + k] = a[std::size_t(r) * n + order[k]];
  }
  return out;
}

}  // namespace pe
