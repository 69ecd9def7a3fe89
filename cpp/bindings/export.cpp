// Binds the file writers: the page's downloads are the bytes pe-export writes (one writer for each
// format, in the core). In every engine but the embed's schemes chunk, whose figures have no
// downloads.
#include "pe/export.hpp"

#include <emscripten/bind.h>

#include "common.hpp"
#include "pe/sinusoidal.hpp"

namespace pe::bindings {
namespace {

val export_sinusoidal(const val& options, const std::string& format_name) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto format = parse_format(format_name);
  if (!format) return error_value(format.error());
  const std::size_t n = spec.value().element_count();
  if (auto s = check_export_size(format.value(), double(n), "positions"); !s) {
    return error_value(s.error());
  }
  Scratch<float> values;
  if (!values.reserve(n)) return error_value(out_of_memory(n * 4));
  if (auto s = sinusoidal_into(spec.value(), values.span()); !s) return error_value(s.error());
  Scratch<char> bytes;
  const std::size_t rows = spec.value().positions;
  const std::size_t bound = export_size_bound(format.value(), n, rows);
  if (!bytes.reserve(bound)) return error_value(out_of_memory(bound));
  ByteSink sink(bytes.span());
  const std::size_t shape[] = {rows, std::size_t(spec.value().d_model)};
  switch (format.value()) {
    case Format::npy: write_npy(sink, values.span(), shape); break;
    case Format::csv: write_csv(sink, values.span(), rows, shape[1]); break;
    case Format::json: write_json(sink, spec.value(), values.span()); break;
  }
  if (sink.overflowed()) return error_value(out_of_memory(bound));  // the bound is exact: cannot
  const auto written = sink.bytes();
  return copy_out(std::span<const std::uint8_t>(
      reinterpret_cast<const std::uint8_t*>(written.data()), written.size()));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(export) {
  emscripten::function("_exportSinusoidal", &pe::bindings::export_sinusoidal);
}
