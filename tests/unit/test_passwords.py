"""Staff password hashes: argon2id at the product's cost (the tests swap in a cheap hasher; the product never does)."""

from __future__ import annotations

from argon2 import Type, extract_parameters

from screening.services import _passwords


def test_the_product_hashes_with_argon2id_three_passes_over_64_mib():
    params = extract_parameters(_passwords.PRODUCT_HASHER.hash("correct horse battery"))
    assert (params.type, params.time_cost, params.memory_cost, params.parallelism) == (Type.ID, 3, 65536, 4)


def test_a_password_matches_its_own_hash_only_and_a_malformed_hash_matches_nothing():
    stored = _passwords.hash_password("correct horse battery")
    assert [_passwords.matches(stored, "correct horse battery"), _passwords.matches(stored, "Correct horse battery"),
            _passwords.matches("not-a-hash", "correct horse battery")] == [True, False, False]
