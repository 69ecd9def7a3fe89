// The multimodal view's FLUX figure (index.js): the axial spectrum of EmbedND beside 1-D RoPE of the
// same dimensions. It depends on no setting: drawn again only for a new width or theme.
import { grouped } from '../../canvas.js';
import { legend, lineChart } from '../common.js';
import { wavelength } from './pairs.js';
import { FLUX } from './prompt.js';

/** FLUX's axial spectrum (EmbedND, axes_dim [16, 56, 56]) beside 1-D RoPE of the same 128
 *  dimensions: each pair's wavelength, from pe.axialRopeAngles at id 1 on every axis. */
export function drawFlux(view, c) {
  const canvas = view.root.querySelector('canvas.mm-flux');
  const total = FLUX.axesDim.reduce((a, b) => a + b, 0);
  const axial = view.pe.axialRopeAngles(FLUX, [1, 1, 1]);
  const flat = view.pe.axialRopeAngles({ axesDim: [total], theta: FLUX.theta }, [1]);
  const pairs = total / 2;
  const x = Array.from({ length: pairs }, (_, k) => k);
  const series = [
    {
      x,
      y: Array.from(flat, wavelength),
      color: c.muted,
      dash: [4, 3],
      width: 1.5,
      label: view.t('fluxFlat'),
    },
  ];
  let from = 0;
  FLUX.axesDim.forEach((d, k) => {
    const n = d / 2;
    series.push({
      x: x.slice(from, from + n),
      y: Array.from(axial.subarray(from, from + n), wavelength),
      color: c.series[k],
      width: 2,
      label: view.t(`fluxAxis${k}`, { d }),
    });
    from += n;
  });
  lineChart(canvas, series, {
    height: 220,
    xLabel: view.t('pairAxis'),
    yLabel: view.t('wavelengthAxis'),
    yLog: true,
  });
  legend(view.root.querySelector('.mm-flux-legend'), [...series.slice(1), series[0]]);
  const note = view.root.querySelector('.mm-flux-note');
  const longest = (k) => {
    const start = FLUX.axesDim.slice(0, k).reduce((a, b) => a + b, 0) / 2;
    return wavelength(axial[start + FLUX.axesDim[k] / 2 - 1]);
  };
  note.textContent = view.t('fluxNote', {
    axes: FLUX.axesDim.join(', '),
    first: grouped(Math.round(longest(0))),
    other: grouped(Math.round(longest(1))),
    flat: grouped(Math.round(wavelength(flat[pairs - 1]))),
  });
  note.dataset.longest = [0, 1, 2].map((k) => longest(k).toPrecision(6)).join(',');
}
