"""Helpers of the reliability suite: figures recording, store fingerprints, server fixtures.

Why a package of its own: the hostile-request, fuzz, runaway, build-fault and load tests all
need the same three things (record how many bad inputs were tried and what came back, prove
the store did not change, measure the server's memory), and ``kg/reliability.py`` renders
``docs/reliability.md`` from what they record.
"""
