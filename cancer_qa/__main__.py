from cancer_qa.cli import main

main()
