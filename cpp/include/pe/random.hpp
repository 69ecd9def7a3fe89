// The seeded random numbers of the concept views (the learned-table stand-in, the toy embeddings).
#pragma once

#include <cstdint>

namespace pe {

// splitmix64: a small, well-mixed, reproducible generator (the same numbers on every platform).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();  // [0, 1)
  double normal();   // standard normal (Box-Muller)

 private:
  std::uint64_t state_;
};

}  // namespace pe
