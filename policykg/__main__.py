import sys

from policykg.cli import main

sys.exit(main())
