// The concepts the explanation views teach, one header each: a learned position table next to the
// formula (learned.hpp), token embeddings plus position encodings (tokens.hpp), a 2-D projection of
// them (projection.hpp, eigen.hpp), why sin/cos give distinct positions and the doubled-exponent
// mistake (why.hpp), all seeded by random.hpp.
#pragma once

#include "pe/eigen.hpp"
#include "pe/learned.hpp"
#include "pe/projection.hpp"
#include "pe/random.hpp"
#include "pe/tokens.hpp"
#include "pe/why.hpp"
