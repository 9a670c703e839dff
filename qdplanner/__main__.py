from qdplanner.cli import main

main()
