"""What the learned models of the triage share: TF-IDF on word and character n-grams of the normalised text,
one logistic regression per target, a fast scorer for one message and the words that weigh most.

triage/model.py (categories) and triage/urgency_model.py (urgency) build on LinearScorers: linear,
deterministic (liblinear, no random state), trained in about a second when first needed, and explainable."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from triage.normalise import normalise

# Words too common to explain anything: never shown as the reason.
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "c",
        "ca",
        "ce",
        "ces",
        "cette",
        "d",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "il",
        "ils",
        "j",
        "je",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "m",
        "ma",
        "mais",
        "me",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "plus",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "ton",
        "tout",
        "tous",
        "toute",
        "toutes",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
        "est",
        "sont",
        "ai",
        "as",
        "a",
        "ont",
        "suis",
        "etait",
        "fait",
        "faire",
        "depuis",
        "ici",
        "la",
        "bien",
        "tres",
        "trop",
        "aussi",
        "encore",
        "deja",
        "avoir",
        "etre",
        "cela",
        "comme",
        "quand",
        "alors",
        "donc",
        "car",
        "si",
        "oui",
        "non",
        "merci",
    ]
)
# A message this short ("oui", "le 59") carries no description the model could judge.
MIN_WORDS = 4


# What scoring one text needs of a fitted TfidfVectorizer: its analyzer, vocabulary, idf and where its columns start.
TfidfPart = tuple[Callable[[str], list[str]], dict[str, int], NDArray[np.float64], int]


def tfidf_parts(vectorizers: Sequence[Any]) -> list[TfidfPart]:
    """The parts of fitted TfidfVectorizers (sublinear tf, l2 norm) whose columns are stacked in this order."""
    parts, offset = [], 0
    for vectorizer in vectorizers:
        parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset))
        offset += len(vectorizer.vocabulary_)
    return parts


def tfidf_terms(text: str, parts: Sequence[TfidfPart]) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """The non-zero columns of the stacked TF-IDF rows of one text and their values: what `hstack([v.transform([text])
    for v in vectorizers])` holds, without building sparse matrices (scikit-learn's checks cost milliseconds per
    call; the look-ups cost microseconds). Tests compare both."""
    all_indexes, all_values = [], []
    for analyzer, vocabulary, idf, offset in parts:
        counts: dict[int, int] = {}
        for term in analyzer(text):
            index = vocabulary.get(term)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            continue
        indexes = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[indexes]
        values /= np.sqrt(values @ values)
        all_indexes.append(indexes + offset)
        all_values.append(values)
    if not all_indexes:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(all_indexes), np.concatenate(all_values)


class LinearScorers:
    """One linear scorer per target over shared TF-IDF features; scoring one text is a few look-ups."""

    def __init__(
        self,
        texts: Sequence[str],
        targets: Sequence[NDArray[np.int_]],
        positive_weight: float | Sequence[float],
        c: float = 10.0,
    ) -> None:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        normalised = [normalise(text) for text in texts]
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
        features = hstack([self.words.fit_transform(normalised), self.chars.fit_transform(normalised)]).tocsr()
        weights, biases = [], []
        positive_weights = (
            [positive_weight] * len(targets) if isinstance(positive_weight, (int, float)) else list(positive_weight)
        )
        for target, weight in zip(targets, positive_weights, strict=True):
            classifier = LogisticRegression(C=c, class_weight={0: 1, 1: weight}, solver="liblinear", max_iter=1000)
            classifier.fit(features, target)
            weights.append(classifier.coef_[0])
            biases.append(classifier.intercept_[0])
        self.weights = np.vstack(weights).T  # features x targets
        self.biases = np.array(biases)
        self.vocabulary = np.array(self.words.get_feature_names_out())
        self.memo: dict[str, NDArray[np.float64]] | None = None  # cross-validation scores each text many times
        self._prepare_scoring()

    def _prepare_scoring(self) -> None:
        """What scoring one text needs besides the fitted state: rebuilt after loading (triage/fitted_cache.py)."""
        self._scores: Callable[[str], NDArray[np.float64]] | None = None  # see _one_once
        self._parts = tfidf_parts((self.words, self.chars))

    def __getstate__(self) -> dict[str, Any]:
        """The fitted state only: the per-text memo and the scoring closures are rebuilt on loading."""
        state = {key: value for key, value in self.__dict__.items() if key not in ("_scores", "_parts")}
        state["memo"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._prepare_scoring()

    def _features(self, normalised: list[str]) -> Any:  # a SciPy sparse matrix (SciPy ships no types)
        from scipy.sparse import hstack

        return hstack([self.words.transform(normalised), self.chars.transform(normalised)]).tocsr()

    def probabilities(self, texts: list[str], normalised: bool = False) -> NDArray[np.float64]:
        """texts x targets."""
        prepared = list(texts) if normalised else [normalise(text) for text in texts]
        if self.memo is not None:
            missing = [text for text in dict.fromkeys(prepared) if text not in self.memo]
            if missing:
                self.memo.update(zip(missing, self._probabilities(missing), strict=False))
            return np.array([self.memo[text] for text in prepared])
        return self._probabilities(prepared)

    def _probabilities(self, prepared: list[str]) -> NDArray[np.float64]:
        return np.array([self._one_once(text) for text in prepared]).reshape(len(prepared), len(self.biases))

    def _one_once(self, text: str) -> NDArray[np.float64]:
        """`_one`, computed once per text: the action server's triage reads every message of the conversation
        again at each turn. Bounded; the arrays are copied into the caller's by `_probabilities`."""
        if self._scores is None:
            self._scores = lru_cache(maxsize=16384)(self._one)
        return self._scores(text)

    def _one(self, text: str) -> NDArray[np.float64]:
        """The same as `_features(...) @ weights` for one text, without building sparse matrices: a few
        dictionary look-ups instead of milliseconds of scikit-learn overhead per message."""
        indexes, values = tfidf_terms(text, self._parts)
        scores: NDArray[np.float64] = self.biases + values @ self.weights[indexes]
        return 1.0 / (1.0 + np.exp(-scores))

    def reference_probabilities(self, texts: list[str]) -> NDArray[np.float64]:
        """scikit-learn's own computation, for tests to check the fast path against."""
        scores = self._features([normalise(text) for text in texts]) @ self.weights + self.biases
        return 1.0 / (1.0 + np.exp(-np.asarray(scores)))

    def column_evidence(self, normalised: str, column: int, top: int = 3) -> list[str]:
        """The words of the text that weigh most towards the target of `column`: what a reason quotes."""
        vector = self.words.transform([normalised])
        weights = self.weights[: len(self.vocabulary), column]
        found = [
            (vector[0, index] * weights[index], self.vocabulary[index])
            for index in vector.indices
            if weights[index] > 0 and not set(self.vocabulary[index].split()) <= STOPWORDS
        ]
        return [term for _, term in sorted(found, reverse=True)[:top]]


Scorers = TypeVar("Scorers", bound="LinearScorers")


def cross_validation_folds(
    texts: Sequence[str], labels: Sequence[Any], folds: int, make: Callable[[list[str], list[Any]], Scorers]
) -> Iterator[tuple[NDArray[np.int_], Scorers]]:
    """(test indexes, a model trained on the other folds, remembering its scores) per fold: deterministic folds,
    sentence i is in fold i % folds (the reports' cross-validation)."""
    indexes = np.arange(len(texts))
    for fold in range(folds):
        fitted = make(
            [texts[i] for i in indexes if i % folds != fold], [labels[i] for i in indexes if i % folds != fold]
        )
        fitted.memo = {}
        yield indexes[indexes % folds == fold], fitted
