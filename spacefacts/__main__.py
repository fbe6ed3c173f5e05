from spacefacts.entry import main

main()
