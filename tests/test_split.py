"""`split.lay_out` splits a model statement exactly as black does, or declines.

Each case is compared with black's own output for the same statement (in a class body where it
is a field), and random statements of the modelled shapes, of every length around the limit,
are too. The corpus packages are held to black by tests/test_black_stable.py.
"""

from __future__ import annotations

import random

import black
import pytest

from generator.formatting.fmt import MODE
from generator.formatting.settled import SCAFFOLD
from generator.formatting.split import lay_out


def blacks(statement: str, depth: int) -> str:
    """Black's lines for one statement at depth 0 (top level) or 1 (in a class body)."""
    if statement.startswith("class "):  # a head needs a body to parse; it is cut off again
        return black.format_str(statement + "\n    pass\n", mode=MODE).rstrip("\n").removesuffix("\n    pass")
    if depth == 0:
        return black.format_str(statement + "\n", mode=MODE).rstrip("\n")
    return black.format_str(SCAFFOLD + "    " + statement + "\n", mode=MODE)[len(SCAFFOLD) :].rstrip("\n")


def long_name(stem: str, width: int) -> str:
    return (stem * (width // len(stem) + 1))[:width]


UNION = " | ".join(f"Action{i}Request" for i in range(12))

CASES = [
    # annotated fields: the optional parentheses around the default kept, or the subscript split
    (1, 'http_request_header: Annotated[WatchHttpRequestHeader | None, Field(alias="httpRequestHeader")] = None'),
    (1, 'grant_type: Annotated[WatchOAuth2AuthGrantType | None, Field(alias="grantType")] = WatchOAuth2AuthGrantType.REFRESH_TOKEN_X'),
    (1, f'{long_name("payment_method_", 40)}: Annotated[{long_name("PaymentMethod", 50)} | None, Field(alias="x", description="{long_name("d", 60)}")] = None'),
    (1, f'{long_name("a_", 30)}: Annotated[list[{long_name("Item", 60)}], Field(min_length=1, max_length=5)]'),
    # plain fields: a union annotation in parentheses, one line or one member a line
    (1, f"generated_sepa_debit_mandate: {long_name('SetupAttempt', 70)} | None = None"),
    (1, f"root: {UNION}"),
    (1, f"{long_name('x_', 95)}: int | None = None"),
    # enum members and constants
    (1, f'{long_name("CABLE_", 55)} = "{long_name("cable_", 55)}"'),
    (1, f"{long_name('LIMIT_', 96)} = -1"),
    # class heads
    (0, f"class PhoneCallAction(RootModel[{UNION}]):"),
    (0, f"class {long_name('Customer', 90)}(BaseModel):"),
    (0, f"class {long_name('Customer', 101)}(RootModel[_{long_name('Customer', 93)} | PaymentIntent]):"),
    (0, f"class {long_name('Update', 40)}({long_name('Base', 40)}, {long_name('Part', 30)}):"),
    # a top-level call
    (0, f'_{long_name("Meta", 30)} = TypeAliasType("_{long_name("Meta", 30)}", Annotated[str, Field(max_length=500)])'),
]


@pytest.mark.parametrize(("depth", "statement"), CASES)
def test_each_shape_is_laid_out_as_black_lays_it_out(depth: int, statement: str) -> None:
    laid = lay_out(statement, depth)
    assert laid is not None
    assert laid == blacks(statement, depth)
    assert laid != "    " * depth + statement  # each case is long enough to split


@pytest.mark.parametrize(
    "statement",
    [
        "grant_types: list[Item] | None = [Item.AUTHORIZATION_CODE]",  # a display
        "history: Annotated[list[Item] | None, Field(validate_default=True)] = []",  # empty brackets
        "name: str = 'x'  # a comment",
        "name: Literal['é'] = 'é'",  # not ASCII: black measures width, not length
        "total: int = a + b",  # an operator not modelled
        "value = call()(x)",  # a call of a call
        "pair = a, b",  # a tuple
        "items: list[int,] = None",  # a magic trailing comma
    ],
)
def test_shapes_not_modelled_are_left_to_black(statement: str) -> None:
    assert lay_out(statement, 1) is None


def test_random_statements_of_the_modelled_shapes_match_black() -> None:
    """Fields, annotated fields, enum members and class heads with random names around the limit."""
    rng = random.Random(21)
    compared = 0
    for _ in range(400):
        name = long_name(rng.choice(["field_", "x", "payment_method_"]), rng.randint(1, 70))
        types = [long_name(rng.choice(["Model", "Item", "SetupAttempt"]), rng.randint(3, 60)) for _ in range(rng.randint(1, 5))]
        union = " | ".join(types + (["None"] if rng.random() < 0.5 else []))
        if rng.random() < 0.3:
            union = f"list[{union}]" if rng.random() < 0.5 else f"dict[str, {union}]"
        kwargs = ", ".join(f'{k}="{long_name("t", rng.randint(1, 50))}"' for k in rng.sample(["alias", "description", "title"], rng.randint(1, 3)))
        default = rng.choice(["", " = None", " = 0", f" = {types[0]}.{long_name('MEMBER_', rng.randint(3, 40))}", f' = "{long_name("v", rng.randint(1, 40))}"'])
        shape = rng.randrange(4)
        if shape == 0:
            statement, depth = f"{name}: {union}{default}", 1
        elif shape == 1:
            statement, depth = f"{name}: Annotated[{union}, Field({kwargs})]{default}", 1
        elif shape == 2:
            statement, depth = f'{name.upper()} = "{long_name("value_", rng.randint(1, 100))}"', 1
        else:
            base = f"RootModel[{union}]" if rng.random() < 0.7 else ", ".join(types)
            statement, depth = f"class {long_name('Model', rng.randint(5, 100))}({base}):", 0
        laid = lay_out(statement, depth)
        if laid is not None:
            assert laid == blacks(statement, depth), statement
            compared += 1
    assert compared > 350  # nearly all of them are modelled
