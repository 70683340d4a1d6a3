"""Compliance profiles: what emotion inference a deployment may run.

The service analyses only ``Settings.modalities`` minus the profile's ``disabled_modalities``;
the dashboard shows the active profile on every page. Set with ``EMOBOT_COMPLIANCE_PROFILE``.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ComplianceProfile:
    """What a deployment may infer. ``disabled_modalities``: emotion inference that is switched off."""

    name: str
    description: str
    disabled_modalities: tuple[str, ...]


PROFILES: dict[str, ComplianceProfile] = {
    "default": ComplianceProfile("default", "text, voice and face emotion inference on", ()),
    # EU AI Act Art. 5(1)(f): no emotion recognition from biometric data in education.
    "eu_education": ComplianceProfile("eu_education", "face and voice emotion inference off (EU AI Act, education)",
                                      ("audio", "face")),
}
