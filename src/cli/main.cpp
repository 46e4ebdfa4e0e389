// Entry point of the spad command line (being built).
int main() { return 0; }
