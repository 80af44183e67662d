"""`rasa run` for the product's processes, with one start-up cost moved out of the way.

skops (which stores Rasa's scikit-learn classifiers) builds its tables of trusted types when first
imported, searching every loaded module for each numpy and scipy function. Imported by Rasa after
TensorFlow, that search took 9 s of every Rasa start on these machines; imported first, well under one.
Everything else is Rasa's own command line: `python -m bot.rasa_server run --model ...`.
"""

import sys

import skops.io  # noqa: F401  (first, for the reason above)
from rasa.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
