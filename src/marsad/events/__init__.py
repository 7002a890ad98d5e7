"""Events layer: CAMEO/PLOVER coding of Arabic news sentences (triggers, classifier,
arguments, modality, dates). Import submodules directly; nothing heavy loads here."""
