"""One module a page; each takes the signed-in actor from the shell and calls services only."""
