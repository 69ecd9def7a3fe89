// The settings test's values for this view that the table and the markup cannot give
// (tests/web/settings.test.mjs derives the others: the model, a preset off the default). Not loaded by
// the page.

/** A config of the reader's (read only with model=custom): YaRN ×8 on a 4,096-position model. */
export const values = {
  config:
    '{"model_type":"llama","head_dim":128,"max_position_embeddings":4096,"rope_theta":10000,"rope_scaling":{"rope_type":"yarn","factor":8}}',
};

/** The config is read only with model=custom. */
export const needs = { config: { model: 'custom' } };
