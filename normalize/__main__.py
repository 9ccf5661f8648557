from normalize.cli.app import main

main()
