"""Finite-capacity scheduling and dispatch rules."""
