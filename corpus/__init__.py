"""Article corpora: read files, folders, JSONL and CSV into records (see ``corpus.load``)."""

from corpus.decode import Decoded, decode_bytes
from corpus.formats import normalise_text, parse_article, parse_header_date
from corpus.load import MAX_ARTICLE_BYTES, MAX_TABLE_BYTES, Corpus, load_corpus, origin_path

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_TABLE_BYTES",
    "Corpus",
    "Decoded",
    "decode_bytes",
    "load_corpus",
    "normalise_text",
    "origin_path",
    "parse_article",
    "parse_header_date",
]
