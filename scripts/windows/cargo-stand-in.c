/* The `cargo` that the workspace's tests see under Wine ($CARGO, for testkit::sibling_binary).
   A Windows process under Wine can start the Linux cargo but not wait for it (os error 6), and
   `cargo test --workspace` has built every sibling binary before any test runs: so "build" is
   already done, and this does nothing. On real Windows, $CARGO is cargo.exe. */
int main(void) {
    return 0;
}
