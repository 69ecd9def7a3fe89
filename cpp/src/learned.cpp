#include "pe/learned.hpp"

#include "pe/random.hpp"
#include "pe/spec.hpp"

namespace pe {

Result<LearnedSpec> make_learned(double d_model, double max_len, double seed) {
  if (auto s = check_integer("d_model", d_model, 1, kMaxDModel); !s) return s.error();
  if (auto s = check_integer("max_len", max_len, 1, kMaxLearnedRows); !s) return s.error();
  if (auto s = check_integer("seed", seed, 0, 4294967295.0); !s) return s.error();
  if (d_model * max_len > double(kMaxLearnedValues)) {
    return make_error(ErrorCode::size_limit, "max_len", "product_cap",
                      {{"other", std::string("d_model")},
                       {"max", double(kMaxLearnedValues)},
                       {"rows", max_len},
                       {"cols", d_model},
                       {"got", max_len * d_model}});
  }
  return LearnedSpec{static_cast<int>(d_model), static_cast<int>(max_len),
                     static_cast<std::uint32_t>(seed)};
}

std::vector<float> learned_table(const LearnedSpec& spec) {
  std::vector<float> table(static_cast<std::size_t>(spec.max_len) * spec.d_model);
  Random random(0x5eed0000ULL + spec.seed);
  for (float& v : table) v = static_cast<float>(kLearnedStd * random.normal());
  return table;
}

Result<std::vector<float>> learned_row(const LearnedSpec& spec, double position) {
  if (auto s = check_integer("position", position, 0, double(kMaxPosition)); !s) return s.error();
  if (position >= spec.max_len) {
    return make_error(
        ErrorCode::invalid_argument, "position", "no_learned_row",
        {{"got", position}, {"rows", double(spec.max_len)}, {"last", double(spec.max_len - 1)}});
  }
  const auto table = learned_table(spec);
  const auto row = static_cast<std::size_t>(position) * spec.d_model;
  return std::vector<float>(table.begin() + row, table.begin() + row + spec.d_model);
}

}  // namespace pe
