"""The project's own copy of the scoring rules, on hand-made gold and predictions."""

from __future__ import annotations

from seasoncheck.claims.scoring import format_report, norm_title, norm_value, score

GOLD = [
    {
        "id": "a",
        "aliases": {"Oshi no Ko": ["Oshi no Ko", "【Oshi no Ko】", "My Star"]},
        "claims": [
            {
                "work": "Oshi no Ko",
                "season": 2,
                "type": "renewal",
                "value": None,
                "status": "confirmed",
                "attribution": "official",
            },
            {
                "work": "Oshi no Ko",
                "season": 2,
                "type": "release",
                "value": "2024-SUMMER",
                "status": "confirmed",
                "attribution": "none",
            },
            {
                "work": "Oshi no Ko",
                "season": 2,
                "type": "studio",
                "value": "Doga Kobo",
                "status": "reported",
                "attribution": "leak",
            },
        ],
        "flags": ["headline_unsupported"],
    },
    {"id": "b", "aliases": {}, "claims": [], "flags": []},
]


def pred(**kw: object) -> dict[str, object]:
    """A predicted claim of article 'a' with defaults."""
    base: dict[str, object] = {
        "doc_id": "a",
        "work": "Oshi no Ko",
        "season": 2,
        "status": "confirmed",
        "attribution": "none",
        "value": None,
    }
    base.update(kw)
    return base


def test_normalisation_rules() -> None:
    assert norm_title("【Oshi no Ko】 Season 2") == "oshi no ko 2"
    assert norm_title("The Apothecary Diaries") == "apothecary diaries"
    assert norm_value("release", "2024-SUMMER") == "2024-07"
    assert norm_value("release", "2024-autumn") == "2024-10"
    assert norm_value("release", "2024-7-3") == "2024-07-03"
    assert norm_value("studio", "studio MAPPA") == "mappa"
    assert norm_value("studio", "MAPPA Studios") == "mappa"


def test_matching_counts_alias_season_value_and_agreement() -> None:
    preds = [
        pred(type="renewal", work="My Star", attribution="official"),  # alias: match, both agree
        pred(type="release", value="2024-07"),  # a season counts as its first month
        pred(
            type="studio", value="Doga Kobo Studio", status="confirmed", attribution="none"
        ),  # match, both disagree
        pred(type="trailer"),  # no gold: false positive
        pred(type="renewal", attribution="official"),  # duplicate: false positive
        {"doc_id": "a", "flag": "headline_unsupported"},
        {"doc_id": "b", "flag": "headline_unsupported"},  # false flag
        {"doc_id": "zzz", "type": "renewal"},  # unknown article
    ]
    s = score(GOLD, preds)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (3, 2, 0)
    assert s.by_type["renewal"].fp == 1 and s.by_type["trailer"].fp == 1
    assert s.status_agree == 2 and s.attribution_agree == 2 and s.matched == 3
    assert (s.flags.tp, s.flags.fp, s.flags.fn) == (1, 1, 0)
    assert s.unknown_docs == 1
    assert round(s.overall.f1, 3) == round(2 * 0.6 * 1.0 / 1.6, 3)


def test_wrong_season_or_work_does_not_match() -> None:
    s = score(
        GOLD,
        [
            pred(type="renewal", season=3),
            pred(type="renewal", work="Star Child"),
            pred(type="renewal", season=None),
        ],
    )
    assert s.overall.tp == 0 and s.overall.fp == 3 and s.overall.fn == 3


def test_report_ends_with_f1_line() -> None:
    report = format_report(score(GOLD, [pred(type="renewal")]), by_doc=True)
    assert report.splitlines()[-1] == "claims F1: 0.500"
    assert "  a: tp 1 fp 0 fn 2" in report
