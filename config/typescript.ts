// Content-type typings are not generated: the code types what it reads at its own boundaries, and
// a generated file that differs between machines would make the type check differ too.
export default {
  autogenerate: false,
};
