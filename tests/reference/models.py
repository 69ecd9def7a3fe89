#!/usr/bin/env python3
"""Reference per-layer RoPE readings of published model configs (tests/reference/models/expected.json).

What runs: Hugging Face transformers' own code, as written, at one commit of the upstream history
(default c49429ed1f8b89749de77c0ec930ef19685c9ae5, 2026-08-16, "[new model] step 3.7 (#46658)",
held by the fork 8b-is/transformers):
  - src/transformers/modeling_rope_utils.py        ROPE_INIT_FUNCTIONS, RotaryEmbeddingConfigMixin
  - src/transformers/configuration_utils.py        PreTrainedConfig (__post_init__: convert_rope_params)
  - src/transformers/integrations/heterogeneity/   per_layer_config (Gemma 4's per-layer-type head dims)
  - src/transformers/models/<family>/configuration_<family>.py   class defaults, layer_types, NoPE lists
  - src/transformers/models/<family>/modeling_<family>.py        only the rotary class's static
    `compute_default_rope_parameters`, taken out with `ast` and executed unchanged (the modules themselves
    need a newer torch than Debian's 1.13: `nn.Buffer`).
Each family's config class is built from the published config.json (so its defaults apply as the library
applies them); the rotary init dispatch (`rope_type == "default"` -> the model's own function, otherwise
ROPE_INIT_FUNCTIONS[rope_type]) is restated below with the line it comes from.  Fields the library does not
compute (which layers rotate, which slice, which pairing, the window) are read from the modeling files; each
rule cites file and line at the commit above.

Stubs: `huggingface_hub.dataclasses.strict` (type checks only, values untouched), `transformers.utils`
(logging, decorators) and every other transformers module these files import but never call here.
The third-party source stays out of this repository: it is read from a local git mirror with `git show`.

Run (Debian's torch 1.13 under /usr/bin/python3):
  /usr/bin/python3 tests/reference/models.py --transformers-git /work/.mirror/8b-is+transformers/repo
"""
import __future__
import argparse
import ast
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import pathlib
import subprocess
import sys
import types

import torch

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_COMMIT = "c49429ed1f8b89749de77c0ec930ef19685c9ae5"

# transformers modules loaded from the real source; every other transformers.* import gets a stub.
REAL_MODULES = (
    "transformers.modeling_rope_utils",
    "transformers.configuration_utils",
    "transformers.integrations.heterogeneity",
    "transformers.integrations.heterogeneity.configuration_utils",
)


def is_real(name):
    if name in REAL_MODULES:
        return True
    parts = name.split(".")
    return len(parts) == 4 and parts[1] == "models" and parts[3].startswith("configuration_")


class Anything:
    """Stand-in for names the loaded files import but never use here (decorators, mixins, helpers)."""

    def __new__(cls, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]  # used as a bare decorator
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]  # decorator factory result applied to a function or class
        return Anything()

    def __getattr__(self, name):
        return Anything()


class StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = type(name, (Anything,), {})
        setattr(self, name, value)
        return value


class SourceTree:
    """Files of one transformers commit, read with `git show` from a local mirror."""

    def __init__(self, git_dir, commit):
        self.git_dir, self.commit = git_dir, commit
        listing = subprocess.run(
            ["git", "-C", git_dir, "ls-tree", "-r", "--name-only", commit, "src/transformers"],
            check=True, capture_output=True, text=True).stdout.split()
        self.paths = set(listing)

    def path_of(self, module):
        base = "src/" + module.replace(".", "/")
        if base + ".py" in self.paths:
            return base + ".py"
        if base + "/__init__.py" in self.paths:
            return base + "/__init__.py"
        return None

    def is_package(self, module):
        prefix = "src/" + module.replace(".", "/") + "/"
        return any(p.startswith(prefix) for p in self.paths)

    def read(self, path):
        return subprocess.run(["git", "-C", self.git_dir, "show", f"{self.commit}:{path}"],
                              check=True, capture_output=True, text=True).stdout


# models/auto/configuration_auto.py's CONFIG_MAPPING, for the model types the composite configs here name
# (Mistral3Config.__post_init__ builds text_config and vision_config through it,
# configuration_mistral3.py:77-84). The auto module itself is stubbed: it imports every model.
AUTO_CONFIG_CLASSES = {
    "mistral": ("mistral", "MistralConfig"),
    "pixtral": ("pixtral", "PixtralVisionConfig"),
}


class ConfigMapping:
    def __getitem__(self, model_type):
        module, name = AUTO_CONFIG_CLASSES[model_type]
        return getattr(importlib.import_module(f"transformers.models.{module}.configuration_{module}"), name)


class TransformersFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, tree):
        self.tree = tree

    def find_spec(self, name, path=None, target=None):
        if name != "transformers" and not name.startswith("transformers."):
            return None
        return importlib.machinery.ModuleSpec(name, self, is_package=self.tree.is_package(name))

    def create_module(self, spec):
        if is_real(spec.name):
            return None
        module = StubModule(spec.name)
        if spec.submodule_search_locations is not None:
            module.__path__ = []
        return module

    def exec_module(self, module):
        name = module.__name__
        if name == "transformers":
            module.__version__ = "stub"
        elif name == "transformers.utils":
            module.is_torch_available = lambda: True
            module.logging = types.SimpleNamespace(get_logger=logging.getLogger)
            # configuration_utils.py rebinds PreTrainedConfig.push_to_hub at import time.
            module.PushToHubMixin = type("PushToHubMixin", (), {"push_to_hub": lambda self: None})
        elif name == "transformers.models.auto":
            module.CONFIG_MAPPING = ConfigMapping()
        elif name == "transformers.generation.configuration_utils":
            # Only `_get_default_generation_params().keys()` is used, to drop generation keys from kwargs.
            module.GenerationConfig = type("GenerationConfig", (), {
                "_get_default_generation_params": staticmethod(lambda: {})})
        if not is_real(name):
            return
        path = self.tree.path_of(name)
        module.__file__ = f"{self.tree.commit}:{path}"
        exec(compile(self.tree.read(path), module.__file__, "exec"), module.__dict__)


def install_stubs(tree):
    hub = types.ModuleType("huggingface_hub")
    hub_dataclasses = types.ModuleType("huggingface_hub.dataclasses")

    def strict(cls=None, **options):
        # huggingface_hub's @strict adds type validation on assignment; values are not changed by it.
        return (lambda c: c) if cls is None else cls

    hub_dataclasses.strict = strict
    hub.dataclasses = hub_dataclasses
    hub.create_repo = Anything  # imported (not called) by older configuration_utils.py
    sys.modules["huggingface_hub"] = hub
    sys.modules["huggingface_hub.dataclasses"] = hub_dataclasses
    sys.meta_path.insert(0, TransformersFinder(tree))


def default_rope_function(tree, family, rotary_class):
    """The model's own `compute_default_rope_parameters`, cut out of modeling_<family>.py unchanged."""
    path = f"src/transformers/models/{family}/modeling_{family}.py"
    source = tree.read(path)
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and node.name == rotary_class:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "compute_default_rope_parameters":
                    item.decorator_list = []  # @staticmethod, @deprecate_kwarg: neither changes the values
                    namespace = {"torch": torch}
                    code = ast.Module(body=[item], type_ignores=[])
                    # annotations name the config class; leave them unevaluated (PEP 563)
                    flags = __future__.annotations.compiler_flag
                    exec(compile(code, f"{tree.commit}:{path}", "exec", flags=flags), namespace)
                    return namespace["compute_default_rope_parameters"], f"{path}:{item.lineno}"
    raise LookupError(f"{rotary_class}.compute_default_rope_parameters not in {path}")


def top_level_functions(tree, path, names):
    """Module-level functions of a modeling file, executed unchanged (with `math` and `torch`)."""
    source = tree.read(path)
    nodes = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name in names]
    if len(nodes) != len(names):
        raise LookupError(f"{names} not all in {path}")
    namespace = {"torch": torch, "math": __import__("math")}
    exec(compile(ast.Module(body=nodes, type_ignores=[]), f"{tree.commit}:{path}", "exec"), namespace)
    return namespace


# ---------------------------------------------------------------------------------------------
# Per family: the config class, the rotary class whose default function runs, and the layout rules
# read from modeling_<family>.py at DEFAULT_COMMIT (file:line in each comment).
# `rope_layer(config, i)` -> False where layer i applies no rotary embedding.
# ---------------------------------------------------------------------------------------------
def always_rope(config, i):
    return True


def llama4_rope_layer(config, i):
    # models/llama4/modeling_llama4.py:326  self.use_rope = config.no_rope_layers[layer_idx]
    # models/llama4/modeling_llama4.py:357  `if self.use_rope:` guards apply_rotary_emb
    return bool(config.no_rope_layers[i])


def smollm3_rope_layer(config, i):
    # models/smollm3/modeling_smollm3.py:200  self.use_rope = config.no_rope_layers[layer_idx]
    # models/smollm3/modeling_smollm3.py:222  `if self.use_rope:` guards apply_rotary_pos_emb
    return bool(config.no_rope_layers[i])


def qwen3_5_rope_layer(config, i):
    # models/qwen3_5/modeling_qwen3_5.py:746-749  linear_attention layers are Qwen3_5GatedDeltaNet (no
    # position embeddings); only full_attention layers are Qwen3_5Attention, which applies RoPE.
    return config.layer_types[i] != "linear_attention"


def cohere2_rope_layer(config, i):
    # models/cohere2/modeling_cohere2.py:198 and :229-230: only sliding_attention layers rotate
    return config.layer_types[i] == "sliding_attention"


FAMILIES = {
    # Llama 3.x: models/llama/modeling_llama.py:158  q * cos + rotate_half(q) * sin  (halves, whole head)
    "llama": dict(module="llama", config="LlamaConfig", rotary="LlamaRotaryEmbedding", pairing="half"),
    # Llama 4: models/llama4/modeling_llama4.py:233-242 apply_rotary_emb views (x[2i], x[2i+1]) as one
    # complex number and multiplies by torch.polar(1, freqs) (:227): interleaved pairs, whole head.
    "llama4": dict(module="llama4", config="Llama4Config", text="text_config",
                   rotary="Llama4TextRotaryEmbedding", pairing="interleaved", rope_layer=llama4_rope_layer),
    # Gemma 3: models/gemma3/modeling_gemma3.py:164-174 one init per layer type, passing layer_type;
    # :256 rotate_half pairing.
    "gemma3_text": dict(module="gemma3", config="Gemma3TextConfig", rotary="Gemma3RotaryEmbedding",
                        pairing="half", per_type=True),
    "gemma3": dict(module="gemma3", config="Gemma3Config", text="text_config", rotary="Gemma3RotaryEmbedding",
                   pairing="half", per_type=True),
    # Gemma 4: models/gemma4/modeling_gemma4.py:1096-1112 one init per layer type, called with
    # config.per_layer_config[layer_type] (its head_dim differs per type); :803 rotate_half pairing;
    # :1181 the attention's head_dim is per_layer_config[layer_idx].head_dim.
    "gemma4": dict(module="gemma4", config="Gemma4Config", text="text_config",
                   rotary="Gemma4TextRotaryEmbedding", pairing="half", per_type=True, per_layer_config=True),
    # Qwen2 / Qwen2.5: models/qwen2/modeling_qwen2.py:133 rotate_half
    "qwen2": dict(module="qwen2", config="Qwen2Config", rotary="Qwen2RotaryEmbedding", pairing="half"),
    # Qwen3: models/qwen3/modeling_qwen3.py:168 rotate_half
    "qwen3": dict(module="qwen3", config="Qwen3Config", rotary="Qwen3RotaryEmbedding", pairing="half"),
    # Qwen3.5: models/qwen3_5/modeling_qwen3_5.py:579-585 rotates q[..., :rotary_dim] with rotate_half,
    # rotary_dim = cos.shape[-1] (the first slice); the partial factor is applied in :118-120.
    "qwen3_5": dict(module="qwen3_5", config="Qwen3_5Config", text="text_config",
                    rotary="Qwen3_5TextRotaryEmbedding", pairing="half", rope_layer=qwen3_5_rope_layer),
    # DeepSeek-V3 (MLA): models/deepseek_v3/modeling_deepseek_v3.py:444 q splits into
    # [qk_nope_head_dim, qk_rope_head_dim] -> the rotated slice is the last one; :454-455 with
    # config.rope_interleave (class default True) apply_rotary_pos_emb_interleave (:322), interleaved pairs.
    # :407 softmax scale = yarn_apply_mscale(rope_parameters, qk_head_dim ** -0.5).
    "deepseek_v3": dict(module="deepseek_v3", config="DeepseekV3Config", rotary="DeepseekV3RotaryEmbedding",
                        pairing="interleaved", mla=True),
    # GPT-OSS: models/gpt_oss/modeling_gpt_oss.py:220-223 torch.chunk(x, 2) halves; :292 window on
    # sliding_attention layers.
    "gpt_oss": dict(module="gpt_oss", config="GptOssConfig", rotary="GptOssRotaryEmbedding", pairing="half"),
    # SmolLM3: models/smollm3/modeling_smollm3.py:131 rotate_half; NoPE layers from no_rope_layers.
    "smollm3": dict(module="smollm3", config="SmolLM3Config", rotary="SmolLM3RotaryEmbedding", pairing="half",
                    rope_layer=smollm3_rope_layer),
    # Mistral: models/mistral/modeling_mistral.py:79 rotate_half; :172 every layer passes
    # sliding_window=config.sliding_window, :364 and the mask is a sliding-window mask whenever it is set.
    "mistral": dict(module="mistral", config="MistralConfig", rotary="MistralRotaryEmbedding", pairing="half",
                    model_wide_window=True),
    # Mistral Small 3.1 (Mistral3ForConditionalGeneration): configuration_mistral3.py:83-84 builds text_config
    # with CONFIG_MAPPING[text_config["model_type"]] ("mistral" -> MistralConfig); modeling_mistral3.py:205
    # the language model is AutoModel.from_config(config.text_config), i.e. MistralModel: the mistral rules.
    "mistral3": dict(module="mistral3", config="Mistral3Config", text="text_config", rotary_module="mistral",
                     rotary="MistralRotaryEmbedding", pairing="half", model_wide_window=True),
    # Phi-3 / 3.5 / 4-mini: models/phi3/modeling_phi3.py:191-196 rotates q[..., :rotary_dim] with
    # rotate_half and passes the rest (first slice); the partial factor enters at :98-100; :257 and :395
    # the model-wide sliding_window as in Mistral.
    "phi3": dict(module="phi3", config="Phi3Config", rotary="Phi3RotaryEmbedding", pairing="half",
                 model_wide_window=True),
    # OLMo 2: models/olmo2/modeling_olmo2.py:183 rotate_half
    "olmo2": dict(module="olmo2", config="Olmo2Config", rotary="Olmo2RotaryEmbedding", pairing="half"),
    # Qwen2.5-VL (text part): models/qwen2_5_vl/configuration_qwen2_5_vl.py:151-152 maps the legacy
    # "mrope" type to "default"; models/qwen2_5_vl/modeling_qwen2_5_vl.py:589-597 splits cos/sin by
    # mrope_section (t, h, w) and applies rotate_half; for text tokens the three positions are equal.
    "qwen2_5_vl": dict(module="qwen2_5_vl", config="Qwen2_5_VLConfig", text="text_config",
                       rotary="Qwen2_5_VLRotaryEmbedding", pairing="half"),
    # Command R7B: models/cohere2/modeling_cohere2.py:89 cos/sin repeat_interleave(freqs, 2) and :150-155
    # rotate_half on (x[::2], x[1::2]): interleaved pairs; :229-230 RoPE only where sliding_window is set,
    # i.e. full_attention layers are NoPE (:198 window only on sliding_attention layers).
    "cohere2": dict(module="cohere2", config="Cohere2Config", rotary="Cohere2RotaryEmbedding",
                    pairing="interleaved", rope_layer=cohere2_rope_layer),
    # ModernBERT: models/modernbert/modeling_modernbert.py:103-112 one init per layer type (global and local
    # θ); :188 rotate_half; :250-253 sliding layers pass sliding_window + 1, where the config's
    # sliding_window is local_attention // 2 (a bidirectional half window, flash-attention inclusive bound).
    "modernbert": dict(module="modernbert", config="ModernBertConfig", rotary="ModernBertRotaryEmbedding",
                       pairing="half", per_type=True, half_window_plus_one=True),
    # GLM-4.5 / 4.6 / 4.7 (MoE): models/glm4_moe/modeling_glm4_moe.py:171-173 rotates q[..., :rotary_dim]
    # (first slice) with :142 rotate_half; the partial factor enters at :77-79.
    "glm4_moe": dict(module="glm4_moe", config="Glm4MoeConfig", rotary="Glm4MoeRotaryEmbedding",
                     pairing="half"),
}

# Hub model types that the library reads with another family's class.
ALIASES = {
    # Kimi-K2's config.json names remote code (auto_map -> configuration_deepseek.DeepseekV3Config);
    # transformers has no "kimi_k2" model type, so it is read here with DeepseekV3Config.
    "kimi_k2": "deepseek_v3",
}


def attention_kind(layer_type):
    return {"full_attention": "full", "sliding_attention": "sliding",
            "chunked_attention": "chunked", "linear_attention": "linear"}[layer_type]


def window_of(config, layer_type, fam):
    if layer_type == "sliding_attention" and fam.get("half_window_plus_one"):
        return config.sliding_window + 1  # ModernBERT: a half window each side, see FAMILIES
    if layer_type == "sliding_attention":
        return config.sliding_window  # e.g. gemma3 :335, gpt_oss :292, qwen2 :193
    if layer_type == "chunked_attention":
        # models/llama4/modeling_llama4.py:550 chunked layers get create_chunked_causal_mask, whose chunk
        # is config.attention_chunk_size
        return config.attention_chunk_size
    return None


def floats(tensor):
    return [float(x) for x in tensor.tolist()]


def read_model(tree, raw, ROPE_INIT_FUNCTIONS):
    model_type = ALIASES.get(raw["model_type"], raw["model_type"])
    fam = FAMILIES[model_type]
    module = importlib.import_module(f"transformers.models.{fam['module']}.configuration_{fam['module']}")
    config_class = getattr(module, fam["config"])
    if model_type in ALIASES.values() and raw["model_type"] != model_type:
        raw = {k: v for k, v in raw.items() if k != "model_type"}
    config = config_class(**raw)
    if "text" in fam:
        config = getattr(config, fam["text"])
    default_fn, default_where = default_rope_function(tree, fam.get("rotary_module", fam["module"]), fam["rotary"])
    rope_layer = fam.get("rope_layer", always_rope)

    n = config.num_hidden_layers
    layer_types = list(getattr(config, "layer_types", None) or ["full_attention"] * n)
    if fam.get("model_wide_window") and config.sliding_window is not None:
        layer_types = ["sliding_attention"] * n  # every layer gets the sliding-window mask
    names = []
    for i in range(n):
        kind = layer_types[i]
        rotates = rope_layer(config, i)
        names.append(kind if rotates or kind == "linear_attention" else f"{kind}_nope")

    per_type = fam.get("per_type", False)
    out_types = {}
    for name in dict.fromkeys(names):
        kind = name[: -len("_nope")] if name.endswith("_nope") else name
        rotates = not name.endswith("_nope") and kind != "linear_attention"
        layer_config, init_kwargs = config, {}
        if fam.get("per_layer_config") and hasattr(config, "per_layer_config"):
            layer_config = config.per_layer_config[kind]
        elif fam.get("per_layer_config") and kind == "full_attention":
            # older Gemma 4 (e.g. c9de1097 models/gemma4/modeling_gemma4.py:1096-1098, :1171): full
            # attention heads are global_head_dim wide, passed as head_dim_key to the proportional init
            if config.rope_parameters[kind]["rope_type"] == "proportional":
                init_kwargs = {"head_dim_key": "global_head_dim"}
        head_dim = getattr(layer_config, "head_dim", None) or config.hidden_size // config.num_attention_heads
        if init_kwargs or (fam.get("per_layer_config") and layer_config is config and kind == "full_attention"
                           and getattr(config, "global_head_dim", None)):
            head_dim = config.global_head_dim
        entry = dict(rope=rotates, ropeType=None, theta=None, invFreq=[], invFreqDtype=None,
                     attentionScaling=None, headDim=head_dim, rotaryDim=0, rotatedSlice="first",
                     pairing=fam["pairing"], attention=attention_kind(kind),
                     window=window_of(config, kind, fam))
        if fam.get("mla"):
            entry["headDim"] = config.qk_head_dim  # query/key head: qk_nope_head_dim + qk_rope_head_dim
            entry["rotatedSlice"] = "last"
            pairing_interleaved = getattr(config, "rope_interleave", True)
            entry["pairing"] = "interleaved" if pairing_interleaved else "half"
        if rotates:
            params = config.rope_parameters[kind] if per_type else config.rope_parameters
            rope_type = params["rope_type"]
            fn = default_fn if rope_type == "default" else ROPE_INIT_FUNCTIONS[rope_type]
            if per_type:
                inv_freq, scaling = fn(layer_config, None, layer_type=kind, **init_kwargs)
            else:
                inv_freq, scaling = fn(config, None)
            entry.update(ropeType=rope_type, theta=float(params["rope_theta"]), invFreq=floats(inv_freq),
                         invFreqDtype=str(inv_freq.dtype).replace("torch.", ""),
                         attentionScaling=float(scaling), rotaryDim=2 * len(inv_freq),
                         zeroFrequencyPairs=int((inv_freq == 0).sum()))
            if rope_type == "longrope":
                # modeling_rope_utils.py:47-70 (dynamic_rope_update): past original_max_position_embeddings
                # the rotary module swaps in this function's result for seq_len = original + 1 (long_factor)
                long_len = params["original_max_position_embeddings"] + 1
                if per_type:
                    long_freq, _ = fn(layer_config, None, seq_len=long_len, layer_type=kind)
                else:
                    long_freq, _ = fn(config, None, seq_len=long_len)
                entry["invFreqLong"] = floats(long_freq)
                entry["longFromPosition"] = params["original_max_position_embeddings"]
            if fam.get("mla"):
                try:
                    mla = top_level_functions(
                        tree, f"src/transformers/models/{fam['module']}/modeling_{fam['module']}.py",
                        ["yarn_get_mscale", "yarn_apply_mscale"])
                    entry["softmaxScale"] = float(
                        mla["yarn_apply_mscale"](config.rope_parameters, config.qk_head_dim ** (-0.5)))
                except LookupError:  # older commits compute it inline in DeepseekV3Attention.__init__
                    entry["softmaxScale"] = None
        out_types[name] = entry

    query_scaling = None
    if model_type == "llama4" and config.attn_temperature_tuning:
        # models/llama4/modeling_llama4.py:367-374 on NoPE layers: q *= log1p(floor((pos + 1) / floor_scale))
        # * attn_scale + 1
        query_scaling = dict(floorScale=config.floor_scale, attnScale=config.attn_scale)
    return dict(family=fam["module"], configClass=fam["config"], defaultRopeFunction=default_where,
                num_hidden_layers=n, layers=names, layerTypes=out_types, queryScaling=query_scaling), config


def older_rope_functions(git_dir, tag):
    """ROPE_INIT_FUNCTIONS of an older modeling_rope_utils.py (functions of config.rope_scaling)."""
    old = SourceTree(git_dir, tag)
    namespace = {"__name__": "transformers.modeling_rope_utils_old", "__package__": "transformers"}
    exec(compile(old.read("src/transformers/modeling_rope_utils.py"),
                 f"{tag}:src/transformers/modeling_rope_utils.py", "exec"), namespace)
    return namespace["ROPE_INIT_FUNCTIONS"]


def older_reading(old_functions, raw, new_config, layer_types):
    """The same scaled RoPE through the older functions: the new config object's sizes, the hub
    file's own `rope_scaling` dict (the older library read that dict directly), the θ of the layer type
    that carries the scaling. Returns (layer type name, reading) or None."""
    text = raw.get("text_config", raw)
    scaling = dict(text.get("rope_scaling") or {})
    rope_type = scaling.get("rope_type", scaling.get("type"))
    if rope_type not in old_functions or rope_type == "default":
        return None  # unscaled, or a type the config class renames (Qwen2.5-VL's "mrope")
    name = next(n for n, t in layer_types.items() if t["ropeType"] == rope_type)
    scaling["rope_type"] = rope_type
    view = types.SimpleNamespace(**{k: v for k, v in vars(new_config).items() if not k.startswith("_")})
    view.rope_scaling = scaling
    view.rope_theta = layer_types[name]["theta"]
    inv_freq, scaling_factor = old_functions[rope_type](view, None)
    return name, dict(ropeType=rope_type, invFreq=floats(inv_freq), attentionScaling=float(scaling_factor))


def definitions(git_dir, path, names):
    """Top-level classes/functions of another project's file at its HEAD, executed unchanged."""
    tree = SourceTree.__new__(SourceTree)
    tree.git_dir = git_dir
    tree.commit = subprocess.run(["git", "-C", git_dir, "rev-parse", "HEAD"], check=True,
                                 capture_output=True, text=True).stdout.strip()
    source = tree.read(path)
    nodes = [n for n in ast.parse(source).body
             if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    if len(nodes) != len(names):
        raise LookupError(f"{names} not all in {path}")
    namespace = {"torch": torch, "math": __import__("math"), "Optional": None, "Literal": None,
                 "Tuple": None, "dataclass": __import__("dataclasses").dataclass}
    flags = __future__.annotations.compiler_flag
    exec(compile(ast.Module(body=nodes, type_ignores=[]), f"{tree.commit}:{path}", "exec", flags=flags),
         namespace)
    return namespace, dict(repository=None, path=path, commit=tree.commit)


def own_code_readings(args, configs):
    """The model publishers' own reference code on the same config values, where it is at hand."""
    out = {}
    if args.gpt_oss_git and "gpt-oss-20b" in configs:
        # openai/gpt-oss gpt_oss/torch/model.py: RotaryEmbedding._compute_concentration_and_inv_freq (YaRN
        # "NTK by parts", correction range never rounded); the attention builds it with these arguments.
        ns, where = definitions(args.gpt_oss_git, "gpt_oss/torch/model.py", ["RotaryEmbedding"])
        hub = configs["gpt-oss-20b"]
        rs = hub["rope_scaling"]
        rope = ns["RotaryEmbedding"](hub["head_dim"], hub["rope_theta"], torch.float32,
                                     initial_context_length=rs["original_max_position_embeddings"],
                                     scaling_factor=rs["factor"], ntk_alpha=rs["beta_slow"],
                                     ntk_beta=rs["beta_fast"])
        concentration, inv_freq = rope._compute_concentration_and_inv_freq()
        out["gpt-oss-20b"] = dict(where, repository="openai/gpt-oss", invFreq=floats(inv_freq),
                                  attentionScaling=float(concentration))
    if args.deepseek_git and "deepseek-v3" in configs:
        # deepseek-ai/DeepSeek-V3 inference/model.py: precompute_freqs_cis(ModelArgs) with its defaults
        # (max_seq_len 16384 > original_seq_len 4096, so YaRN applies; it would not at max_seq_len <= 4096).
        ns, where = definitions(args.deepseek_git, "inference/model.py",
                                ["ModelArgs", "precompute_freqs_cis"])
        freqs_cis = ns["precompute_freqs_cis"](ns["ModelArgs"]())
        out["deepseek-v3"] = dict(where, repository="deepseek-ai/DeepSeek-V3",
                                  invFreq=floats(torch.angle(freqs_cis[1])), via="angle of freqs_cis[1]")
    if args.llama_models_git and "llama-4-scout" in configs:
        # meta-llama/llama-models models/llama4/model.py: precompute_freqs_cis + apply_scaling, called as
        # Transformer.__init__ does, with args.py's Scout values (rope_scaling_factor 16, high_freq 1).
        ns, where = definitions(args.llama_models_git, "models/llama4/model.py",
                                ["apply_scaling", "precompute_freqs_cis"])
        text = configs["llama-4-scout"]["text_config"]
        freqs_cis = ns["precompute_freqs_cis"](text["head_dim"], 2, text["rope_theta"], True,
                                               text["rope_scaling"]["factor"],
                                               text["rope_scaling"]["high_freq_factor"])
        out["llama-4-scout"] = dict(where, repository="meta-llama/llama-models",
                                    invFreq=floats(torch.angle(freqs_cis[1])), via="angle of freqs_cis[1]")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--transformers-git", required=True, help="git dir holding transformers' history")
    parser.add_argument("--commit", default=DEFAULT_COMMIT)
    parser.add_argument("--configs", default=str(HERE / "models" / "configs"))
    parser.add_argument("--out", default=str(HERE / "models" / "expected.json"))
    parser.add_argument("--older", default="v4.53.0",
                        help="older tag to compare scaled RoPE with (v4.53.0 predates `truncate`)")
    parser.add_argument("--gpt-oss-git", help="git dir of openai/gpt-oss (own-code comparison)")
    parser.add_argument("--deepseek-git", help="git dir of deepseek-ai/DeepSeek-V3 (own-code comparison)")
    parser.add_argument("--llama-models-git", help="git dir of meta-llama/llama-models (own-code comparison)")
    args = parser.parse_args()

    tree = SourceTree(args.transformers_git, args.commit)
    install_stubs(tree)
    from transformers.modeling_rope_utils import ROPE_INIT_FUNCTIONS

    old_functions = older_rope_functions(args.transformers_git, args.older) if args.older else None

    sources = json.loads((pathlib.Path(args.configs).parent / "sources.json").read_text())
    models = {}
    for slug in sorted(sources):
        raw = json.loads((pathlib.Path(args.configs) / f"{slug}.json").read_text())
        result, config = read_model(tree, raw, ROPE_INIT_FUNCTIONS)
        models[slug] = dict(model=sources[slug]["model"], **result)
        if args.older:
            older = older_reading(old_functions, raw, config, result["layerTypes"])
            if older is not None:
                name, reading = older
                new = result["layerTypes"][name]
                reading["layerType"] = name
                reading["maxRelativeDifference"] = max(
                    abs(a - b) / abs(b) for a, b in zip(reading["invFreq"], new["invFreq"]) if b != 0)
                models[slug]["olderLibrary"] = reading
    raws = {slug: json.loads((pathlib.Path(args.configs) / f"{slug}.json").read_text()) for slug in sources}
    for slug, reading in own_code_readings(args, raws).items():
        new = next(t for t in models[slug]["layerTypes"].values() if t["rope"])
        reading["maxRelativeDifference"] = max(
            abs(a - b) / abs(b) for a, b in zip(reading["invFreq"], new["invFreq"]) if b != 0)
        models[slug]["ownCode"] = reading
    out = dict(
        generator="tests/reference/models.py",
        transformers=dict(repository="huggingface/transformers (history held by 8b-is/transformers)",
                          commit=args.commit, older=args.older),
        torch=torch.__version__,
        models=models,
    )
    pathlib.Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {args.out}: {len(models)} models")


if __name__ == "__main__":
    main()
