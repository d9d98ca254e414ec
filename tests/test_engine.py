"""The embedded engine's settings (``--set`` / ``SUMMARIZER_SERVER_ARGS``), without starting it."""

from __future__ import annotations

import enum
from types import SimpleNamespace

import pytest

from summarizer.llm.engine import apply_setting, parse_settings


class Attention(enum.Enum):
    AUTO = -1
    OFF = 0
    ON = 1


def _params() -> SimpleNamespace:
    return SimpleNamespace(
        n_gpu_layers=-1, warmup=True, rope_freq_scale=1.0, chat_template="", flash_attn_type=Attention.AUTO,
        cpuparams=SimpleNamespace(n_threads=4),
    )  # fmt: skip


def test_settings_are_read_as_flags_or_assignments() -> None:
    assert parse_settings("--n_gpu_layers 99 --flash-attn-type=1 warmup=false") == [
        ("n_gpu_layers", "99"),
        ("flash_attn_type", "1"),
        ("warmup", "false"),
    ]
    assert parse_settings("") == []
    with pytest.raises(ValueError, match="no value"):
        parse_settings("--n_gpu_layers")


def test_a_setting_takes_the_type_of_its_field() -> None:
    params = _params()
    for name, value in parse_settings("--n_gpu_layers 99 warmup=no rope_freq_scale=0.5 chat_template=chatml"):
        apply_setting(params, name, value)
    apply_setting(params, "flash_attn_type", "ON")
    apply_setting(params, "cpuparams.n_threads", "2")
    assert params.n_gpu_layers == 99 and params.warmup is False and params.rope_freq_scale == 0.5
    assert params.chat_template == "chatml" and params.flash_attn_type is Attention.ON
    assert params.cpuparams.n_threads == 2
    apply_setting(params, "flash_attn_type", "0")
    assert params.flash_attn_type is Attention.OFF


def test_an_unknown_or_mistyped_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown llama.cpp server setting 'n_gpu_layer'"):
        apply_setting(_params(), "n_gpu_layer", "1")
    with pytest.raises(ValueError):
        apply_setting(_params(), "n_gpu_layers", "all")
