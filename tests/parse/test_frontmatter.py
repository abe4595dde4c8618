"""Front-matter splitting and safe loading, with the positions rules point at."""

from __future__ import annotations

import datetime
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse import frontmatter
from seolint.parse.frontmatter import (
    MAX_DEPTH,
    FieldSpan,
    FrontMatter,
    FrontMatterProblem,
    parse_front_matter,
)


def parse(text: str) -> FrontMatter:
    found = parse_front_matter(text)
    assert found is not None
    return found


def kinds(fm: FrontMatter) -> list[str]:
    return [problem.kind for problem in fm.problems]


def key_text(text: str, span: FieldSpan) -> str:
    return text[span.key_start : span.key_end]


def value_text(text: str, span: FieldSpan) -> str:
    return text[span.value_start : span.value_end]


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run YAML tests with libyaml and with PyYAML's pure-Python parser (the fallback)."""
    import yaml

    if request.param == "pure-python":
        monkeypatch.setattr(frontmatter, "_Loader", yaml.SafeLoader)
    elif not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML built without libyaml")
    return str(request.param)


# -- detection and splitting -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# Title\n\nBody.\n",
        "Some text\n---\ntitle: x\n---\n",
        "----\ntitle: x\n----\n",
        "{% include header.html %}\n",
        "{{< shortcode >}}\n",
    ],
)
def test_no_front_matter(text: str) -> None:
    assert parse_front_matter(text) is None


def test_yaml_block_bounds_and_body(yaml_loader: str) -> None:
    text = "---\ntitle: Hello\n---\n# Hello\n"
    fm = parse(text)
    assert fm.format == "yaml"
    assert (fm.start, fm.end, fm.body_start) == (0, text.index("# Hello"), text.index("# Hello"))
    assert fm.data == {"title": "Hello"}
    assert fm.problems == ()


def test_delimiters_may_have_trailing_spaces_and_dots_close_yaml() -> None:
    text = "--- \ntitle: a\n...  \nbody\n"
    fm = parse(text)
    assert fm.data == {"title": "a"}
    assert fm.body_start == text.index("body")


def test_front_matter_only_without_body_or_final_newline() -> None:
    text = "---\ntitle: a\n---"
    fm = parse(text)
    assert fm.data == {"title": "a"}
    assert fm.end == fm.body_start == len(text)


@pytest.mark.parametrize("text", ["---\n---\n", "---\n---", "---\n# only a comment\n---\n"])
def test_empty_block_is_an_empty_mapping(text: str) -> None:
    fm = parse(text)
    assert fm.data == {}
    assert fm.fields == {}
    assert fm.problems == ()


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [("---\ntitle: a\n\nbody\n", "---"), ("---", "---"), ("+++\ntitle = 'a'\n", "+++")],
)
def test_unterminated_block_makes_the_whole_text_the_body(text: str, delimiter: str) -> None:
    fm = parse(text)
    assert kinds(fm) == ["unterminated"]
    assert fm.data is None
    assert (fm.end, fm.body_start) == (0, 0)
    problem = fm.problems[0]
    assert text[problem.start : problem.end] == delimiter
    assert f"'{delimiter}'" in problem.message


def test_crlf_normalised_input_keeps_offsets() -> None:
    original = "---\r\ntitle: Hello\r\nslug: hello\r\n---\r\nBody\r\n"
    text = original.replace("\r\n", "\n")
    fm = parse(text)
    assert fm.data == {"title": "Hello", "slug": "hello"}
    assert value_text(text, fm.fields["slug"]) == "hello"
    assert fm.body_start == text.index("Body")


# -- YAML values and spans ---------------------------------------------------------------------


def test_yaml_key_and_value_spans(yaml_loader: str) -> None:
    text = (
        "---\n"
        'title: "Quoted title"\n'
        "ms.date: 02/20/2019\n"
        "title suffix: plain words\n"
        "tags:\n"
        "  - a\n"
        "  - b\n"
        "# a comment between fields\n"
        "flow: [1, 2]\n"
        "empty:\n"
        "folded: >-\n"
        "  first line\n"
        "  second line\n"
        "'quoted key': 1\n"
        "---\n"
    )
    fm = parse(text)
    fields = fm.fields
    assert list(fields) == [
        "title",
        "ms.date",
        "title suffix",
        "tags",
        "flow",
        "empty",
        "folded",
        "quoted key",
    ]
    title = fields["title"]
    assert title.key_start == text.index("title:")
    assert title.key_end == title.key_start + len("title")
    # Quoted values are spanned without their quote marks.
    assert title.value_start == text.index("Quoted title")
    assert title.value_end == title.value_start + len("Quoted title")
    assert value_text(text, fields["ms.date"]) == "02/20/2019"
    assert key_text(text, fields["title suffix"]) == "title suffix"
    assert value_text(text, fields["title suffix"]) == "plain words"
    assert value_text(text, fields["tags"]) == "- a\n  - b"
    assert value_text(text, fields["flow"]) == "[1, 2]"
    empty = fields["empty"]
    assert empty.value_start == empty.value_end == text.index("empty:") + len("empty:")
    assert value_text(text, fields["folded"]) == "first line\n  second line"
    assert key_text(text, fields["quoted key"]) == "quoted key"
    assert fm.data is not None
    assert fm.data["folded"] == "first line second line"
    assert fm.data["empty"] is None


def test_yaml_native_types(yaml_loader: str) -> None:
    text = (
        "---\n"
        "date: 2001-01-01 12:00:00 +02:00\n"
        "day: 2013-11-06\n"
        "quoted: '2013-11-06'\n"
        "impossible: 2025-02-30\n"
        "count: 3\n"
        "ratio: 1.5\n"
        "draft: false\n"
        "nothing: ~\n"
        "nested: {a: [1, {b: c}]}\n"
        "---\n"
    )
    data = parse(text).data
    assert data == {
        "date": datetime.datetime(
            2001, 1, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
        ),
        "day": datetime.date(2013, 11, 6),
        "quoted": "2013-11-06",
        "impossible": "2025-02-30",  # left as text for the date rules to report
        "count": 3,
        "ratio": 1.5,
        "draft": False,
        "nothing": None,
        "nested": {"a": [1, {"b": "c"}]},
    }


def test_odd_but_valid_scalars_stay_text() -> None:
    fm = parse("---\nmerge: <<\nwhen: !!timestamp not a date\n---\n")
    assert fm.data == {"merge": "<<", "when": "not a date"}
    assert fm.problems == ()


def test_invalid_explicit_scalar_is_a_syntax_problem() -> None:
    text = "---\ndraft: !!bool maybe\n---\n"
    fm = parse(text)
    assert kinds(fm) == ["syntax"]
    assert fm.problems[0].start == text.index("maybe")


def test_anchored_block_mapping_value_span_skips_the_anchor() -> None:
    text = "---\nbase: &b\n  x: 1\n---\n"
    fm = parse(text)
    assert value_text(text, fm.fields["base"]) == "x: 1"


def test_keys_are_kept_as_written() -> None:
    data = parse("---\n2019: a\nyes: b\nnull: c\n---\n").data
    assert data == {"2019": "a", "yes": "b", "null": "c"}


def test_merge_keys_and_aliases(yaml_loader: str) -> None:
    text = "---\nbase: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\ncopy: *b\n---\n"
    fm = parse(text)
    assert fm.data == {
        "base": {"x": 1, "y": 2},
        "child": {"x": 1, "y": 3},
        "copy": {"x": 1, "y": 2},
    }
    assert value_text(text, fm.fields["base"]) == "{x: 1, y: 2}"  # without the anchor
    assert value_text(text, fm.fields["copy"]) == "*b"


# -- YAML problems -----------------------------------------------------------------------------


def test_hashnode_inner_quotes_is_a_syntax_problem_with_its_line(yaml_loader: str) -> None:
    text = '---\ntitle: "about "Steven A. Cohen""\nslug: x\n---\nBody\n'
    fm = parse(text)
    assert fm.data is None
    assert fm.fields == {}
    assert kinds(fm) == ["syntax"]
    problem = fm.problems[0]
    assert problem.message.startswith("YAML front-matter does not parse: ")
    assert "(line 2, column " in problem.message
    assert "line 2" in problem.message.split(";", 1)[1]  # the hint names the quoted line
    line_start = text.index("title:")
    assert line_start <= problem.start < text.index("\nslug")
    assert fm.body_start == text.index("Body")


def test_syntax_problem_names_a_reserved_character(yaml_loader: str) -> None:
    text = "---\ntitle: a\naliases:\n  - %\n---\n"
    fm = parse(text)
    assert kinds(fm) == ["syntax"]
    problem = fm.problems[0]
    assert problem.start == text.index("%")
    assert "'%'" in problem.message
    assert "(line 4, column 5)" in problem.message


def test_control_character_is_a_syntax_problem(yaml_loader: str) -> None:
    text = "---\ntitlé: a\x01b\n---\n"
    fm = parse(text)
    assert kinds(fm) == ["syntax"]
    assert fm.problems[0].start == text.index("\x01")
    assert "U+0001" in fm.problems[0].message


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/name:os.system",
        "!!python/object:collections.OrderedDict",
        "!custom",
        "!!binary",
        "!!set",
    ],
)
def test_unsafe_or_unknown_tags_are_refused(
    tag: str, yaml_loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(args))
    text = f'---\ntitle: a\nrun: {tag} ["echo pwned"]\n---\n'
    fm = parse(text)
    assert calls == []
    assert fm.data is None
    assert kinds(fm) == ["unsafe-tag"]
    problem = fm.problems[0]
    assert problem.start == text.index(tag)
    assert tag in problem.message
    assert "line 3" in problem.message


def test_unsafe_tag_on_a_scalar_and_a_key() -> None:
    assert kinds(parse("---\na: !!python/none ''\n---\n")) == ["unsafe-tag"]
    assert kinds(parse("---\n!!python/str k: v\n---\n")) == ["unsafe-tag"]


def test_standard_explicit_tags_are_fine() -> None:
    fm = parse("---\na: !!str 12\nb: !!int '7'\nc: !!map {x: 1}\nd: !!seq [1]\n---\n")
    assert fm.data == {"a": "12", "b": 7, "c": {"x": 1}, "d": [1]}
    assert fm.problems == ()


def _billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, 10):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\nBody\n"


def test_billion_laughs_is_refused_fast(yaml_loader: str) -> None:
    text = _billion_laughs()
    started = time.perf_counter()
    fm = parse(text)
    assert time.perf_counter() - started < 1.0
    assert fm.data is None
    assert kinds(fm) == ["alias-bomb"]
    assert text[fm.problems[0].start] == "*"


def test_self_referencing_alias_is_an_alias_bomb(yaml_loader: str) -> None:
    fm = parse("---\na: &x [1, *x]\n---\n")
    assert kinds(fm) == ["alias-bomb"]


def test_undefined_alias_is_a_syntax_problem(yaml_loader: str) -> None:
    fm = parse("---\na: *nowhere\n---\n")
    assert kinds(fm) == ["syntax"]
    assert "*nowhere" in fm.problems[0].message


@pytest.mark.parametrize("style", ["block", "flow-list", "flow-map"])
def test_deep_nesting_is_refused_without_recursion_error(style: str, yaml_loader: str) -> None:
    depth = 5000
    if style == "block":
        # Two spaces per level, as an editor would write it.
        body = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x"
    elif style == "flow-list":
        body = "a: " + "[" * depth + "]" * depth
    else:
        body = "a: " + "{b: " * depth + "1" + "}" * depth
    text = f"---\n{body}\n---\n"
    started = time.perf_counter()
    fm = parse(text)
    assert time.perf_counter() - started < 2.0
    assert fm.data is None
    assert kinds(fm) == ["too-deep"]
    assert str(MAX_DEPTH) in fm.problems[0].message


def test_nesting_within_the_bound_loads() -> None:
    depth = MAX_DEPTH - 1  # the top-level mapping is one level
    fm = parse("---\na: " + "[" * depth + "]" * depth + "\n---\n")
    assert fm.problems == ()


def test_duplicate_keys_are_reported_and_the_last_value_wins(yaml_loader: str) -> None:
    text = "---\ntitle: first\nslug: s\ntitle: second\nmeta:\n  k: 1\n  k: 2\n---\n"
    fm = parse(text)
    assert fm.data == {"title": "second", "slug": "s", "meta": {"k": 2}}
    assert kinds(fm) == ["duplicate-key", "duplicate-key"]
    top, nested = fm.problems
    assert top.start == text.index("title: second")
    assert text[top.start : top.end] == "title"
    assert "first on line 2" in top.message
    assert nested.start == text.index("k: 2")
    # The field span is the last occurrence, as the value is.
    assert fm.fields["title"].key_start == text.index("title: second")
    assert value_text(text, fm.fields["title"]) == "second"


@pytest.mark.parametrize(
    ("body", "what"),
    [("- a\n- b", "a list"), ("just some text", "a single value"), ("42", "a single value")],
)
def test_top_level_not_a_mapping(body: str, what: str, yaml_loader: str) -> None:
    text = f"---\n{body}\n---\n"
    fm = parse(text)
    assert fm.data is None
    assert kinds(fm) == ["not-mapping"]
    assert what in fm.problems[0].message
    assert fm.problems[0].start == text.index(body)


def test_second_yaml_document_is_a_syntax_problem() -> None:
    fm = parse("---\na: 1\n--- b: 2\n---\n")
    assert kinds(fm) == ["syntax"]


def test_one_hundred_thousand_keys_load_quickly() -> None:
    text = "---\n" + "".join(f"key{i}: value {i}\n" for i in range(100_000)) + "---\nBody\n"
    started = time.perf_counter()
    fm = parse(text)
    # About 0.6 s on an idle machine; the bound leaves room for a loaded CI runner while
    # still catching anything quadratic (which would take minutes).
    assert time.perf_counter() - started < 10.0
    # More keys than MAX_FIELDS: refused as a whole (FM002), so no rule walks 100,000 keys.
    assert fm.data is None and fm.fields == {}
    assert kinds(fm) == ["too-large"]
    assert "100,000 keys" in fm.problems[0].message


# -- TOML --------------------------------------------------------------------------------------


def test_toml_block_values_and_spans() -> None:
    text = (
        "+++\n"
        'title = "Rust 1.0"\n'
        "\"quoted key\" = 'literal'\n"
        "date = 2024-02-15T10:00:00+01:00\n"
        "authors = [\n"
        '  "Alex",  # a comment\n'
        '  "Niko",\n'
        "]\n"
        'site.name = "blog"\n'
        'long = """\nfirst\nsecond"""\n'
        "draft = false # trailing comment\n"
        "[extra]\n"
        "k = 1\n"
        "+++\n"
        "Body\n"
    )
    fm = parse(text)
    assert fm.format == "toml"
    assert fm.problems == ()
    assert fm.body_start == text.index("Body")
    assert fm.data == {
        "title": "Rust 1.0",
        "quoted key": "literal",
        "date": datetime.datetime(
            2024, 2, 15, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
        ),
        "authors": ["Alex", "Niko"],
        "site": {"name": "blog"},
        "long": "first\nsecond",
        "draft": False,
        "extra": {"k": 1},
    }
    fields = fm.fields
    assert fields["title"].key_start == text.index("title")
    assert fields["title"].value_start == text.index("Rust 1.0")
    assert value_text(text, fields["title"]) == "Rust 1.0"
    assert key_text(text, fields["quoted key"]) == "quoted key"
    assert value_text(text, fields["quoted key"]) == "literal"
    assert value_text(text, fields["date"]) == "2024-02-15T10:00:00+01:00"
    assert value_text(text, fields["authors"]).startswith("[\n")
    assert value_text(text, fields["authors"]).endswith("]")
    assert key_text(text, fields["site"]) == "site"
    assert value_text(text, fields["long"]) == "\nfirst\nsecond"
    assert value_text(text, fields["draft"]) == "false"
    assert key_text(text, fields["extra"]) == "extra"
    assert value_text(text, fields["extra"]) == "k = 1"


def test_toml_tricky_values_keep_spans_in_step() -> None:
    text = (
        "+++\n"
        'a = "x # not a comment ] \\" still"   # comment\n'
        "b = 'literal # ]'\n"
        'c = { x = 1, y = [1, 2], z = "}" }\n'
        '"d.e" . f = 2\n'
        'h = """q"""""\n'
        "i = [ # comment [\n"
        "  \"]\", 'x', # ]\n"
        "]\n"
        "j=1\n"
        "[[arr]]\n"
        "x = 1\n"
        "[[arr]]\n"
        "x = 2\n"
        "[ t . u ]\n"
        'k = "v"\n'
        "+++\n"
    )
    fm = parse(text)
    assert fm.problems == ()
    assert fm.data is not None
    assert fm.data["a"] == 'x # not a comment ] " still'
    assert fm.data["h"] == 'q""'
    values = {key: value_text(text, span) for key, span in fm.fields.items()}
    assert values == {
        "a": 'x # not a comment ] \\" still',
        "b": "literal # ]",
        "c": '{ x = 1, y = [1, 2], z = "}" }',
        "d.e": "2",
        "h": 'q""',
        "i": "[ # comment [\n  \"]\", 'x', # ]\n]",
        "j": "1",
        "arr": "x = 1",
        "t": 'k = "v"',
    }
    assert key_text(text, fm.fields["d.e"]) == "d.e"
    assert key_text(text, fm.fields["t"]) == "t"


def test_toml_syntax_error_gives_document_line_and_column() -> None:
    text = '+++\ntitle = "a"\ndescription = \n+++\n'
    fm = parse(text)
    assert fm.data is None
    assert kinds(fm) == ["syntax"]
    problem = fm.problems[0]
    assert problem.message.startswith("TOML front-matter does not parse: ")
    assert "(line 3, column 15)" in problem.message
    assert problem.start == text.index("description = ") + len("description = ")


def test_toml_duplicate_key_is_a_syntax_problem() -> None:
    fm = parse('+++\ntitle = "a"\ntitle = "b"\n+++\n')
    assert kinds(fm) == ["syntax"]
    assert "line 3" in fm.problems[0].message


def test_toml_deep_nesting_does_not_raise() -> None:
    fm = parse("+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n")
    assert fm.data is None
    assert kinds(fm) == ["too-deep"]


# -- JSON --------------------------------------------------------------------------------------


def test_json_block_values_and_spans() -> None:
    text = '{\n  "title": "Hello",\n  "count": 3,\n  "tags": ["a", "b"]\n}\n# Hello\n'
    fm = parse(text)
    assert fm.format == "json"
    assert fm.data == {"title": "Hello", "count": 3, "tags": ["a", "b"]}
    assert fm.end == fm.body_start == text.index("# Hello")
    title = fm.fields["title"]
    assert (title.key_start, title.key_end) == (text.index("title"), text.index("title") + 5)
    assert value_text(text, title) == "Hello"
    assert value_text(text, fm.fields["count"]) == "3"
    assert value_text(text, fm.fields["tags"]) == '["a", "b"]'
    assert fm.problems == ()


def test_json_on_one_line() -> None:
    text = '{"title": "x"}\nBody\n'
    fm = parse(text)
    assert fm.data == {"title": "x"}
    assert fm.body_start == text.index("Body")


def test_json_duplicate_key() -> None:
    text = '{\n  "title": "a",\n  "title": "b"\n}\n'
    fm = parse(text)
    assert fm.data == {"title": "b"}
    assert kinds(fm) == ["duplicate-key"]
    assert fm.problems[0].start == text.rindex("title")


def test_json_syntax_error() -> None:
    text = '{\n  "title": "a"\n  "slug": "b"\n}\nBody\n'
    fm = parse(text)
    assert fm.data is None
    assert kinds(fm) == ["syntax"]
    assert "(line 3, column 3)" in fm.problems[0].message
    assert fm.body_start == text.index("Body")


# -- the public types ---------------------------------------------------------------------------


def test_results_are_frozen() -> None:
    fm = parse("---\ntitle: a\n---\n")
    with pytest.raises(AttributeError):
        fm.data = None  # type: ignore[misc]
    problem = FrontMatterProblem("syntax", "m", 0, 1)
    with pytest.raises(AttributeError):
        problem.kind = "x"  # type: ignore[misc]


# -- robustness --------------------------------------------------------------------------------

_YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@ ,?\n\t.é0")), max_size=80)


def _check_invariants(text: str, fm: FrontMatter) -> None:
    assert 0 <= fm.start <= fm.end == fm.body_start <= len(text)
    for problem in fm.problems:
        assert problem.kind in frontmatter.PROBLEM_KINDS
        assert 0 <= problem.start <= problem.end <= len(text)
        assert problem.message.endswith(".")
    if fm.data is None:
        assert fm.fields == {}
        assert fm.problems
    for span in fm.fields.values():
        assert span.key_start <= span.key_end <= span.value_start <= span.value_end <= fm.end


@settings(max_examples=300, deadline=None)
@given(_YAMLISH)
def test_any_yaml_block_gives_a_result_not_an_exception(content: str) -> None:
    text = f"---\n{content}\n---\nBody\n"
    _check_invariants(text, parse(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab=[]{}\"'#. ,\n1")), max_size=60))
def test_any_toml_block_gives_a_result_not_an_exception(content: str) -> None:
    text = f"+++\n{content}\n+++\nBody\n"
    _check_invariants(text, parse(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab:"{}[], \n1')), max_size=60))
def test_any_json_block_gives_a_result_not_an_exception(content: str) -> None:
    text = '{"' + content
    found = parse_front_matter(text)
    if found is not None:
        _check_invariants(text, found)
