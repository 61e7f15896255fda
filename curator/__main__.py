"""`python -m curator` runs the command line."""

from curator.cli import main

if __name__ == "__main__":
    main()
